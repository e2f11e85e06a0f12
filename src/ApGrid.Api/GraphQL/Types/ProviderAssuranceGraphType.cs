using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ProviderAssuranceGraphType : ObjectGraphType<ProviderAssuranceView>
{
    public ProviderAssuranceGraphType()
    {
        Name = "ProviderAssurance";
        Description = "A provider's quality assurance: the LA's and the provider's own staff's only. Every read and change is audited.";
        Field<NonNullGraphType<ApSettingGraphType>>("setting").Resolve(c => c.Source.Setting);
        Field<NonNullGraphType<ProviderStandingGraphType>>("standing").Resolve(c => c.Source.Standing);
        Field<NonNullGraphType<IntGraphType>>("version").Description("0 for a provider never assessed.").Resolve(c => c.Source.Record.History.Count);
        Field<NonNullGraphType<DueDiligenceGraphType>>("dueDiligence").Resolve(c => c.Source.Record.DueDiligence);
        Field<ProviderDecisionGraphType>("decision").Resolve(c => c.Source.Record.Decision);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssuranceVersionGraphType>>>>("history").Description("Every version, oldest first.")
            .Resolve(c => c.Source.Record.History);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApprovalOverrideGraphType>>>>("overrides").Resolve(c => c.Source.Record.Overrides);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementExtensionGraphType>>>>("extensions").Resolve(c => c.Source.Record.Extensions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProviderPlacementCheckGraphType>>>>("activePlacements")
            .Description("LA officers only: the provider's active placements, listed for review when it may not be commissioned and flagged past the time limit.")
            .ResolveAsync(async c => await ProviderQueries.ActivePlacementsAsync(c, c.Source));
    }
}
