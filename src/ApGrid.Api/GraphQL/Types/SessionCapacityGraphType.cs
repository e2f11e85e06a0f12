using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SessionCapacityGraphType : ObjectGraphType<SessionCapacity>
{
    public SessionCapacityGraphType()
    {
        Name = "SessionCapacity";
        Field<NonNullGraphType<SessionEnumGraphType>>("session").Resolve(c => c.Source.Session).CachedByCapacityVersion();
        Field<NonNullGraphType<IntGraphType>>("places").Resolve(c => c.Source.Places).CachedByCapacityVersion();
        Field<NonNullGraphType<IntGraphType>>("free").Resolve(c => c.Source.Free).CachedByCapacityVersion();
    }
}
