using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Declared ahead of its workflow so the served schema already covers the contract; the workflow brings the source type and resolvers.</summary>
public sealed class ReferralGraphType : ObjectGraphType<object>
{
    public ReferralGraphType()
    {
        Name = "Referral";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<PupilGraphType>>("pupil");
        Field<NonNullGraphType<DateGraphType>>("submittedOn");
        Field<NonNullGraphType<StringGraphType>>("reason");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("strategiesTried");
        Field<NonNullGraphType<ReferralStatusEnumGraphType>>("status");
        Field<DateGraphType>("decidedOn");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("panelMembers");
        Field<NonNullGraphType<BooleanGraphType>>("parentalConsent");
        Field<DateGraphType>("consentNoticeGivenOn");
    }
}
