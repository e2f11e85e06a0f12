using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Declared ahead of its workflow so the served schema already covers the contract; the workflow brings the source type and resolvers.</summary>
public sealed class EhcpCaseGraphType : ObjectGraphType<object>
{
    public EhcpCaseGraphType()
    {
        Name = "EhcpCase";
        Field<NonNullGraphType<PupilGraphType>>("pupil");
        Field<NonNullGraphType<DateGraphType>>("requestedOn");
        Field<NonNullGraphType<EhcpStageEnumGraphType>>("stage");
        Field<NonNullGraphType<DateGraphType>>("decisionDue");
        Field<NonNullGraphType<DateGraphType>>("finalDue");
        Field<DateGraphType>("decisionOn");
        Field<DateGraphType>("draftIssuedOn");
        Field<DateGraphType>("finalIssuedOn");
        Field<NonNullGraphType<BooleanGraphType>>("overdue");
        Field<NonNullGraphType<IntGraphType>>("weeksElapsed");
        Field<DateGraphType>("annualReviewDue");
    }
}
