using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ProvisionAfterExclusionInputGraphType : InputObjectGraphType
{
    public ProvisionAfterExclusionInputGraphType()
    {
        Name = "ProvisionAfterExclusionInput";
        Description = "The fast path: the provision an exclusion calls for from its sixth school day, with no panel, notice or consent.";
        Field<NonNullGraphType<IdGraphType>>("exclusionId");
        Field<NonNullGraphType<StringGraphType>>("apUrn");
        Field<BooleanGraphType>("fullTime").Description("Default true: full-time education is what is owed from day 6.").DefaultValue(true);
        Field<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>("sessions");
        Field<DateGraphType>("startDate").Description("Default: the sixth school day, or today if that has passed.");
        Field<DateGraphType>("plannedEndDate").Description("Default: twelve weeks after the start.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("objectives");
        Field<IntGraphType>("reviewEveryWeeks").DefaultValue(4);
        Field<ApTierEnumGraphType>("tier");
    }
}
