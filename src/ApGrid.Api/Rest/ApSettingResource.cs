namespace ApGrid.Api.Rest;

/// <summary>An AP setting with its live capacity; the same fields as GraphQL's ApSetting, enum values spelled alike.</summary>
public sealed record ApSettingResource(
    string Urn,
    string Name,
    string Type,
    bool Registered,
    IReadOnlyList<string> KeyStages,
    IReadOnlyList<string> Specialisms,
    LocationResource Location,
    int FullTimePlaces,
    int FullTimePlacesFree,
    IReadOnlyList<SessionCapacityResource> Sessions,
    double OutreachHoursPerWeek,
    double OutreachHoursFree,
    DateTimeOffset UpdatedAt)
{
    public static ApSettingResource From(ApCapacitySnapshot setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return new(
            setting.Urn,
            setting.Profile.Name,
            EnumNames<ApSettingType>.NameOf(setting.Profile.Type),
            setting.Profile.Registered,
            [.. setting.Profile.KeyStages.Select(EnumNames<KeyStage>.NameOf)],
            [.. setting.Profile.Specialisms.Select(EnumNames<NeedType>.NameOf)],
            new LocationResource(setting.Profile.Location.Latitude, setting.Profile.Location.Longitude),
            setting.FullTimePlaces,
            setting.FullTimePlacesFree,
            [.. setting.Sessions.Select(s => new SessionCapacityResource(EnumNames<Session>.NameOf(s.Session), s.Places, s.Free))],
            setting.OutreachHoursPerWeek,
            setting.OutreachHoursFree,
            setting.UpdatedAt);
    }
}
