using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class RegistrationEnumGraphType : EnumerationGraphType<Registration>
{
    public RegistrationEnumGraphType() => Name = "Registration";
}
