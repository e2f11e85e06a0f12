using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SessionPlacesInputGraphType : InputObjectGraphType
{
    public SessionPlacesInputGraphType()
    {
        Name = "SessionPlacesInput";
        Field<NonNullGraphType<SessionEnumGraphType>>("session");
        Field<NonNullGraphType<IntGraphType>>("places");
    }
}
