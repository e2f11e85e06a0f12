using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ProviderDecisionGraphType : ObjectGraphType<ProviderDecisionRecord>
{
    public ProviderDecisionGraphType()
    {
        Name = "ProviderApprovalDecision";
        Field<NonNullGraphType<ProviderDecisionEnumGraphType>>("decision").Resolve(c => c.Source.Decision);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason);
        Field<DateGraphType>("approvedUntil").Resolve(c => c.Source.ApprovedUntil);
        Field<NonNullGraphType<DateGraphType>>("decidedOn").Resolve(c => c.Source.DecidedOn);
        Field<NonNullGraphType<StringGraphType>>("decidedBy").Resolve(c => c.Source.DecidedBy);
    }
}
