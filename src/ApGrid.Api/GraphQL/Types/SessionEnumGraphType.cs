using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SessionEnumGraphType : EnumerationGraphType<Session>
{
    public SessionEnumGraphType() => Name = "Session";
}
