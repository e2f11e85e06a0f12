using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ArrangePlacementInputGraphType : InputObjectGraphType
{
    public ArrangePlacementInputGraphType()
    {
        Name = "ArrangePlacementInput";
        Description = "A placement on any route but LA_PANEL (which starts from an approved referral with startPlacement).";
        Field<NonNullGraphType<IdGraphType>>("pupilId");
        Field<NonNullGraphType<PlacementRouteEnumGraphType>>("route");
        Field<NonNullGraphType<StringGraphType>>("apUrn");
        Field<NonNullGraphType<DateGraphType>>("startDate");
        Field<NonNullGraphType<DateGraphType>>("plannedEndDate");
        Field<BooleanGraphType>("fullTime").Description("true: a full-time place (all ten sessions) instead of sessions.").DefaultValue(false);
        Field<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>("sessions").DefaultValue(new List<object>());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("objectives");
        Field<NonNullGraphType<IntGraphType>>("reviewEveryWeeks");
        Field<PlacementNoticeInputGraphType>("notice").Description("The written notice to parents; required for OFF_SITE_DIRECTION, at least 2 school days before startDate.");
        Field<DateGraphType>("consentGivenOn").Description("Parental consent, where the LA's policy asks for it on this route.");
        Field<ApTierEnumGraphType>("tier");
        Field<IdGraphType>("exclusionId").Description("The suspension or permanent exclusion the provision follows (SUSPENSION_PROVISION, S19_PERMANENT_EXCLUSION).");
        Field<StringGraphType>("idempotencyKey");
    }
}
