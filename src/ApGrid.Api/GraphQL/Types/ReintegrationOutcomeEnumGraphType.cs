using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ReintegrationOutcomeEnumGraphType : EnumerationGraphType<ReintegrationOutcome>
{
    public ReintegrationOutcomeEnumGraphType() => Name = "ReintegrationOutcome";
}
