using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class CapacityMatchGraphType : ObjectGraphType<CapacityMatchView>
{
    public CapacityMatchGraphType()
    {
        Name = "CapacityMatch";
        Field<NonNullGraphType<ApSettingGraphType>>("setting").Resolve(c => c.Source.Setting).CachedByCapacityVersion();
        Field<FloatGraphType>("distanceKm").Resolve(c => c.Source.DistanceKm).CachedByCapacityVersion();
        Field<IntGraphType>("travelMinutes").Resolve(c => c.Source.TravelMinutes).CachedByCapacityVersion();
        Field<BooleanGraphType>("overUsualMaximum")
            .Description("The journey is longer than the LA's usual maximum for the pupil's phase (45 minutes primary, 75 secondary by default); null without nearPupil.")
            .Resolve(c => c.Source.OverUsualMaximum).CachedByCapacityVersion();
        Field<TravelOriginEnumGraphType>("measuredFrom")
            .Description("HOME when the pupil's postcode sector has a centroid in the LA's postcode directory, else HOME_SCHOOL; null without nearPupil.")
            .Resolve(c => c.Source.MeasuredFrom).CachedByCapacityVersion();
    }
}
