using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ApSettingProfileInputGraphType : InputObjectGraphType
{
    public ApSettingProfileInputGraphType()
    {
        Name = "ApSettingProfileInput";
        Description = "What an AP setting is. createApSetting: omit urn for non-school AP (UNREGISTERED_PROVIDER), which has no DfE URN; the LA's reference is given instead.";
        Field<StringGraphType>("urn");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<ApSettingTypeEnumGraphType>>("type");
        Field<StringGraphType>("ukprn").Description("UK Provider Reference Number: 8 digits starting with 1.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KeyStageEnumGraphType>>>>("keyStages");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeedTypeEnumGraphType>>>>("specialisms");
        Field<NonNullGraphType<FloatGraphType>>("latitude");
        Field<NonNullGraphType<FloatGraphType>>("longitude");
        Field<StringGraphType>("address");
        Field<StringGraphType>("postcode");
        Field<SessionTimesInputGraphType>("sessionTimes").Description("Omitted: the common AP day on createApSetting, unchanged on updateApSetting.");
        Field<ListGraphType<NonNullGraphType<ProviderContactInputGraphType>>>("contacts").Description("Omitted on updateApSetting: the contacts stay as they are.");
    }
}
