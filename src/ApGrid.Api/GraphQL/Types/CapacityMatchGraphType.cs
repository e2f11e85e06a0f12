using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class CapacityMatchGraphType : ObjectGraphType<CapacityMatchView>
{
    public CapacityMatchGraphType()
    {
        Name = "CapacityMatch";
        Field<NonNullGraphType<ApSettingGraphType>>("setting").Resolve(c => c.Source.Setting);
        Field<FloatGraphType>("distanceKm").Resolve(c => c.Source.DistanceKm);
        Field<IntGraphType>("travelMinutes").Resolve(c => c.Source.TravelMinutes);
    }
}
