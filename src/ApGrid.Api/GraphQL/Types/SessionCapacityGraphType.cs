using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SessionCapacityGraphType : ObjectGraphType<SessionCapacityView>
{
    public SessionCapacityGraphType()
    {
        Name = "SessionCapacity";
        Field<NonNullGraphType<SessionEnumGraphType>>("session").Resolve(c => c.Source.Session).CachedByCapacityVersion();
        Field<NonNullGraphType<IntGraphType>>("places").Resolve(c => c.Source.Places).CachedByCapacityVersion();
        Field<NonNullGraphType<IntGraphType>>("free")
            .Description("Exact for LA officers and the setting's own staff. For everyone else \"at least this many\": 0 (full), 1 (one to four), else rounded down to a multiple of 5.")
            .Resolve(c => c.Source.Free).CachedByCapacityVersion();
        Field<IntGraphType>("inUse")
            .Description("Places in use in this half-day; null for everyone but LA officers and the setting's own staff.")
            .Resolve(c => c.Source.InUse).CachedByCapacityVersion();
        Field<NonNullGraphType<CountBandEnumGraphType>>("inUseBand")
            .Description("Places in use in this half-day as a band: what everyone outside the LA and the setting is told.")
            .Resolve(c => c.Source.InUseBand).CachedByCapacityVersion();
    }
}
