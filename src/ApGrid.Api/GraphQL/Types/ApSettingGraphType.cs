using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>An AP setting, resolved from the LA's capacity index or the setting itself; both carry the same snapshot.</summary>
public sealed class ApSettingGraphType : ObjectGraphType<ApCapacitySnapshot>
{
    public ApSettingGraphType()
    {
        Name = "ApSetting";
        Field<NonNullGraphType<StringGraphType>>("urn").Resolve(c => c.Source.Urn);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Profile.Name);
        Field<NonNullGraphType<ApSettingTypeEnumGraphType>>("type").Resolve(c => c.Source.Profile.Type);
        Field<NonNullGraphType<BooleanGraphType>>("registered").Resolve(c => c.Source.Profile.Registered);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KeyStageEnumGraphType>>>>("keyStages").Resolve(c => c.Source.Profile.KeyStages);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeedTypeEnumGraphType>>>>("specialisms").Resolve(c => c.Source.Profile.Specialisms);
        Field<NonNullGraphType<GeoPointGraphType>>("location").Resolve(c => c.Source.Profile.Location);
        Field<NonNullGraphType<IntGraphType>>("fullTimePlaces").Resolve(c => c.Source.FullTimePlaces);
        Field<NonNullGraphType<IntGraphType>>("fullTimePlacesFree").Resolve(c => c.Source.FullTimePlacesFree);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionCapacityGraphType>>>>("sessions").Resolve(c => c.Source.Sessions);
        Field<NonNullGraphType<FloatGraphType>>("outreachHoursPerWeek").Resolve(c => c.Source.OutreachHoursPerWeek);
        Field<NonNullGraphType<FloatGraphType>>("outreachHoursFree").Resolve(c => c.Source.OutreachHoursFree);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementGraphType>>>>("placements")
            .Argument<PlacementStatusEnumGraphType>("status")
            .Resolve(_ => throw ApGridError.NotYetAvailable("ApSetting.placements"));
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}
