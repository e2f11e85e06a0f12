using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class RecordEhcpExceptionInputGraphType : InputObjectGraphType
{
    public RecordEhcpExceptionInputGraphType()
    {
        Name = "RecordEhcpExceptionInput";
        Field<NonNullGraphType<IdGraphType>>("pupilId");
        Field<NonNullGraphType<EhcDeadlineKindEnumGraphType>>("deadline").Description("DECISION, NOT_ISSUE_NOTICE or FINAL: the time limit excused.");
        Field<NonNullGraphType<EhcExceptionKindEnumGraphType>>("kind");
        Field<NonNullGraphType<DateGraphType>>("date").Description("When the circumstance arose.");
        Field<StringGraphType>("note");
    }
}
