using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class GeoPointGraphType : ObjectGraphType<Location>
{
    public GeoPointGraphType()
    {
        Name = "GeoPoint";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Resolve(c => c.Source.Latitude).CachedByCapacityVersion();
        Field<NonNullGraphType<FloatGraphType>>("longitude").Resolve(c => c.Source.Longitude).CachedByCapacityVersion();
    }
}
