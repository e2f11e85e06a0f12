using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class PlacementChangeGraphType : ObjectGraphType<PlacementChange>
{
    public PlacementChangeGraphType()
    {
        Name = "PlacementChange";
        Description = "A dated change of a live placement's sessions or planned end.";
        Field<NonNullGraphType<DateGraphType>>("effectiveFrom").Resolve(c => c.Source.EffectiveFrom);
        Field<NonNullGraphType<DateTimeGraphType>>("recordedAt").Resolve(c => c.Source.RecordedAt);
        Field<NonNullGraphType<StringGraphType>>("by").Resolve(c => c.Source.By);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>>("sessionsBefore").Resolve(c => c.Source.SessionsBefore);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>>("sessionsAfter").Resolve(c => c.Source.SessionsAfter);
        Field<NonNullGraphType<DateGraphType>>("plannedEndBefore").Resolve(c => c.Source.PlannedEndBefore);
        Field<NonNullGraphType<DateGraphType>>("plannedEndAfter").Resolve(c => c.Source.PlannedEndAfter);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason);
    }
}
