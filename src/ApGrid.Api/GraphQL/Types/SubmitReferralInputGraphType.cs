using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class SubmitReferralInputGraphType : InputObjectGraphType
{
    public SubmitReferralInputGraphType()
    {
        Name = "SubmitReferralInput";
        Field<NonNullGraphType<IdGraphType>>("pupilId");
        Field<NonNullGraphType<StringGraphType>>("reason");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("strategiesTried");
    }
}
