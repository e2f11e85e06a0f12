using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class RoleEnumGraphType : EnumerationGraphType<ApGrid.Api.Auth.Role>
{
    public RoleEnumGraphType() => Name = "Role";
}
