using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class RecordEhcpMilestoneInputGraphType : InputObjectGraphType
{
    public RecordEhcpMilestoneInputGraphType()
    {
        Name = "RecordEhcpMilestoneInput";
        Field<NonNullGraphType<IdGraphType>>("pupilId");
        Field<NonNullGraphType<EhcpMilestoneEnumGraphType>>("milestone");
        Field<NonNullGraphType<DateGraphType>>("date");
    }
}
