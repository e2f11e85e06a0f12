using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class PupilCorrectionGraphType : ObjectGraphType<PupilCorrection>
{
    public PupilCorrectionGraphType()
    {
        Name = "PupilCorrection";
        Description = "A correction made to a pupil's record: who, when, why and what changed.";
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("by").Description("The subject of the token that made it.").Resolve(c => c.Source.By);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldChangeGraphType>>>>("changes").Resolve(c => PupilCorrections.Changes(c.Source));
    }
}
