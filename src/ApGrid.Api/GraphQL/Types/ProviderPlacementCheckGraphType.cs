using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ProviderPlacementCheckGraphType : ObjectGraphType<ProviderPlacementCheckView>
{
    public ProviderPlacementCheckGraphType()
    {
        Name = "ProviderPlacementCheck";
        Description = "An active placement at the provider: listed for review when the provider may no longer be commissioned, flagged past the non-school time limit.";
        Field<NonNullGraphType<IdGraphType>>("placementId").Resolve(c => c.Source.PlacementId);
        Field<NonNullGraphType<IdGraphType>>("pupilId").Resolve(c => c.Source.PupilId);
        Field<NonNullGraphType<DateGraphType>>("startDate").Resolve(c => c.Source.StartDate);
        Field<NonNullGraphType<IntGraphType>>("week").Description("Week 1 is the start day and the six days after it.").Resolve(c => c.Source.Week);
        Field<NonNullGraphType<BooleanGraphType>>("overTimeLimit")
            .Description("Non-school AP only: past the LA's maximum length (default 12 weeks) and not extended at a review to a day still ahead.")
            .Resolve(c => c.Source.OverTimeLimit);
        Field<DateGraphType>("extendedUntil").Resolve(c => c.Source.ExtendedUntil);
        Field<NonNullGraphType<BooleanGraphType>>("forReview").Description("The provider is suspended, not approved or lapsed: the placement is to be reviewed.")
            .Resolve(c => c.Source.ForReview);
    }
}
