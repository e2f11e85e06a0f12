using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class PlacementNoticeGraphType : ObjectGraphType<PlacementNotice>
{
    public PlacementNoticeGraphType()
    {
        Name = "PlacementNotice";
        Description = "The written notice given to parents: where, when, who to report to, how it is reviewed.";
        Field<NonNullGraphType<DateGraphType>>("givenOn").Resolve(c => c.Source.GivenOn);
        Field<NonNullGraphType<StringGraphType>>("place").Resolve(c => c.Source.Place);
        Field<NonNullGraphType<StringGraphType>>("times").Resolve(c => c.Source.Times);
        Field<NonNullGraphType<StringGraphType>>("reportTo").Resolve(c => c.Source.ReportTo);
        Field<NonNullGraphType<StringGraphType>>("reviewArrangements").Resolve(c => c.Source.ReviewArrangements);
        Field<DateGraphType>("copiedToLaOn").Description("When the LA was sent a copy (owed for a pupil with an EHC plan).").Resolve(c => c.Source.CopiedToLaOn);
    }
}
