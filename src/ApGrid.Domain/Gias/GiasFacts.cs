namespace ApGrid.Domain.Gias;

/// <summary>
/// What GIAS says of an establishment, in ApGrid's terms, and all that an import may change: what
/// the LA keeps itself (places, sessions, contacts, assurance) is not here, so an import cannot touch it.
/// </summary>
public sealed record GiasFacts(
    GiasKind Kind,
    string Name,
    ApSettingType? ApSettingType,
    Phase Phase,
    IReadOnlyList<KeyStage> KeyStages,
    IReadOnlyList<NeedType> Needs,
    int? PlacesPru,
    string? Ukprn,
    string? Postcode,
    GeoPoint? Location,
    bool Closed,
    DateOnly? ClosedOn)
{
    public static GiasFacts From(GiasEstablishment establishment)
    {
        ArgumentNullException.ThrowIfNull(establishment);
        var kind = GiasMapping.KindOf(establishment.TypeCode);
        var stages = GiasMapping.KeyStagesOf(establishment.StatutoryLowAge, establishment.StatutoryHighAge);

        // Post-16 is not AP's to serve (ProviderProfileRules): an 11-18 PRU serves KS3 and KS4.
        if (kind == GiasKind.ApSetting) stages = [.. stages.Where(s => s != KeyStage.Post16)];
        return new GiasFacts(
            kind, establishment.Name, GiasMapping.ApSettingTypeOf(establishment.TypeCode),
            GiasMapping.PhaseOf(establishment.PhaseName, establishment.StatutoryLowAge, establishment.StatutoryHighAge),
            stages, establishment.Needs, establishment.PlacesPru, establishment.Ukprn, establishment.Postcode, establishment.Location,
            establishment.Status == GiasStatus.Closed, establishment.Status == GiasStatus.Closed ? establishment.CloseDate : null);
    }

    /// <summary>
    /// These facts brought up to date by GIAS's: a value GIAS leaves blank (a location, a postcode)
    /// keeps what ApGrid had, since a gap in a download is not news that the value went away.
    /// </summary>
    public GiasFacts UpdatedBy(GiasFacts gias)
    {
        ArgumentNullException.ThrowIfNull(gias);
        return gias with
        {
            KeyStages = gias.KeyStages.Count > 0 ? gias.KeyStages : KeyStages,
            PlacesPru = gias.PlacesPru ?? PlacesPru,
            Ukprn = gias.Ukprn ?? Ukprn,
            Postcode = gias.Postcode ?? Postcode,
            Location = gias.Location ?? Location,
        };
    }

    /// <summary>The names of the facts that differ, in the words of the report.</summary>
    public IReadOnlyList<string> Differences(GiasFacts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var changed = new List<string>();
        if (Name != other.Name) changed.Add("name");
        if (ApSettingType != other.ApSettingType) changed.Add("type");
        if (Kind == GiasKind.School && Phase != other.Phase) changed.Add("phase");
        if (Kind == GiasKind.ApSetting && !KeyStages.SequenceEqual(other.KeyStages)) changed.Add("key stages");
        if (Kind != GiasKind.School && !Needs.Order().SequenceEqual(other.Needs.Order())) changed.Add("needs");
        if (Kind == GiasKind.ApSetting && PlacesPru != other.PlacesPru) changed.Add("PRU places");
        if (Ukprn != other.Ukprn) changed.Add("UKPRN");
        if (Postcode != other.Postcode) changed.Add("postcode");
        if (!Near(Location, other.Location)) changed.Add("location");
        if (Closed != other.Closed || ClosedOn != other.ClosedOn) changed.Add(other.Closed ? "closed" : "reopened");
        return changed;
    }

    // Stored positions pass through a double round trip; a millionth of a degree is about 10 cm.
    private static bool Near(GeoPoint? a, GeoPoint? b) =>
        a is null || b is null
            ? a is null && b is null
            : Math.Abs(a.Value.Latitude - b.Value.Latitude) < 1e-6 && Math.Abs(a.Value.Longitude - b.Value.Longitude) < 1e-6;
}
