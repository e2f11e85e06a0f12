using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class AddToWaitingListInputGraphType : InputObjectGraphType
{
    public AddToWaitingListInputGraphType()
    {
        Name = "AddToWaitingListInput";
        Field<NonNullGraphType<IdGraphType>>("pupilId");
        Field<NonNullGraphType<StringGraphType>>("specialSchoolUrn");
        Field<NonNullGraphType<DateGraphType>>("addedOn");
        Field<BooleanGraphType>("parentalPreference").Description("The parents asked for this school.");
        Field<StringGraphType>("overrideReason").Description("Why the school is right though its designation misses the pupil's primary need; the LA only.");
    }
}
