using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ProviderStandingGraphType : ObjectGraphType<ProviderStandingView>
{
    public ProviderStandingGraphType()
    {
        Name = "ProviderStanding";
        Description = "A provider's place on the LA's approved register today. Schools and partners see the status and dates; the decision's reason only the LA and the provider's own staff.";
        Field<NonNullGraphType<ProviderStatusEnumGraphType>>("status").Resolve(c => c.Source.Standing.Status);
        Field<NonNullGraphType<RagEnumGraphType>>("rag").Resolve(c => c.Source.Standing.Rag);
        Field<NonNullGraphType<BooleanGraphType>>("approvalRequired")
            .Description("Non-school AP: only approved providers may be commissioned (the LA may override per pupil). Registered schools are on the register for information.")
            .Resolve(c => c.Source.ApprovalRequired);
        Field<NonNullGraphType<BooleanGraphType>>("commissionable").Description("Approved (with or without conditions) and nothing lapsed.").Resolve(c => c.Source.Standing.Commissionable);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reasons").Resolve(c => c.Source.Standing.Reasons);
        Field<DateGraphType>("approvedUntil").Resolve(c => c.Source.Approval?.ApprovedUntil);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProviderExpiryGraphType>>>>("lapsed")
            .Resolve(c => c.Source.Standing.Lapsed.Select(e => new ProviderExpiryView(e, c.Source.Today)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProviderExpiryGraphType>>>>("expiringSoon")
            .Resolve(c => c.Source.Standing.ExpiringSoon.Select(e => new ProviderExpiryView(e, c.Source.Today)));
    }
}
