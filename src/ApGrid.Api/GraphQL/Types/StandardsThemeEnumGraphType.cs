using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class StandardsThemeEnumGraphType : EnumerationGraphType<StandardsTheme>
{
    public StandardsThemeEnumGraphType() => Name = "StandardsTheme";
}
