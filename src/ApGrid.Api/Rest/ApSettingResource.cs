namespace ApGrid.Api.Rest;

/// <summary>
/// An AP setting with its live capacity; the same fields as GraphQL's ApSetting, enum values spelled
/// alike, free places and hours under the same disclosure control (docs/security.md).
/// </summary>
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
    DateTimeOffset UpdatedAt,
    int? PlacesInUse,
    string PlacesInUseBand)
{
    /// <summary>As <paramref name="caller"/> may see it: exact free places and places in use only for the LA and the setting's own staff.</summary>
    public static ApSettingResource For(Auth.Caller caller, ApCapacitySnapshot setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var exact = GraphQL.Access.SeesExactCapacity(caller, setting.Urn);
        return From(exact ? setting : setting.AsSeenOutsideLa(), exact ? setting.FullTimePlacesInUse : null, DisclosureControl.Band(setting.FullTimePlacesInUse));
    }

    private static ApSettingResource From(ApCapacitySnapshot setting, int? placesInUse, CountBand band)
    {
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
            setting.UpdatedAt,
            placesInUse,
            EnumNames<CountBand>.NameOf(band));
    }
}
