using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ProviderDecisionEnumGraphType : EnumerationGraphType<ProviderDecision>
{
    public ProviderDecisionEnumGraphType() => Name = "ProviderDecision";
}
