using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class DecideReferralInputGraphType : InputObjectGraphType
{
    public DecideReferralInputGraphType()
    {
        Name = "DecideReferralInput";
        Field<NonNullGraphType<IdGraphType>>("referralId");
        Field<NonNullGraphType<BooleanGraphType>>("approved");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("panelMembers");
        Field<NonNullGraphType<DateGraphType>>("decidedOn");
    }
}
