using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ProviderStatusEnumGraphType : EnumerationGraphType<ProviderStatus>
{
    public ProviderStatusEnumGraphType() => Name = "ProviderStatus";
}
