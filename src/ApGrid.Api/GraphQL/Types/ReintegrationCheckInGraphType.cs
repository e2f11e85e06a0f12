using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ReintegrationCheckInGraphType : ObjectGraphType<ReintegrationCheckIn>
{
    public ReintegrationCheckInGraphType()
    {
        Name = "ReintegrationCheckIn";
        Field<NonNullGraphType<DateGraphType>>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<ReintegrationOutcomeEnumGraphType>>("outcome").Resolve(c => c.Source.Outcome);
        Field<StringGraphType>("notes").Resolve(c => c.Source.Notes);
    }
}
