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
    }
}
