namespace ApGrid.Grains.Abstractions;

/// <summary>
/// One accepted change: what kind, when, and which object; Sequence only grows within a tenant.
/// <see cref="Detail"/> says what happened; entries stored before details existed have none.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ChangeEntry")]
public sealed record ChangeEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ChangeKind Kind,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string SubjectId,
    [property: Id(4)] ChangeDetail? Detail = null)
{
    /// <summary>
    /// Whether the entry is about a pupil: then its values are the pupil's, and only callers who may
    /// read the pupil's record (LA officers) get them. Capacity is a setting's public offer.
    /// </summary>
    public bool AboutPupil => Kind != ChangeKind.Capacity;

    /// <summary>
    /// The entry as everyone outside the LA gets it: no pupil's values, and a setting's free places
    /// and hours as <see cref="DisclosureControl"/> shows them outside the LA, with the fields that did
    /// not move at that grain left out (exact free places would give away each placement's start and end).
    /// </summary>
    public ChangeEntry OutsideLa()
    {
        if (AboutPupil) return WithoutPupilValues();
        if (Detail is not { } detail) return this;
        var fields = detail.Fields.Select(Coarsened).Where(f => f.From != f.To).ToList();
        var summary = fields.Count == 0 ? "Capacity changed." : "Capacity changed: " + string.Join(", ", fields.Select(f => f.Field)) + ".";
        return this with { Detail = detail with { Fields = fields, Summary = summary } };
    }

    /// <summary>
    /// Whether anyone outside the LA sees anything move: a capacity change whose every field stays
    /// the same at the grain shown outside the LA tells them only that something happened there, so
    /// they are not told. Entries stored before details existed carry no values and stay.
    /// </summary>
    public bool MovesOutsideLa => AboutPupil || Detail is not { Fields.Count: > 0 } || OutsideLa().Detail!.Fields.Count > 0;

    private static ChangedField Coarsened(ChangedField field)
    {
        var name = field.Field;
        if (name == "fullTimePlacesFree" || name.EndsWith(".free", StringComparison.Ordinal))
            return field with { From = Shown(field.From, v => DisclosureControl.FreePlacesShown((int)v)), To = Shown(field.To, v => DisclosureControl.FreePlacesShown((int)v)) };
        if (name == "outreachHoursFree")
            return field with { From = Shown(field.From, DisclosureControl.HoursShown), To = Shown(field.To, DisclosureControl.HoursShown) };
        return field;
    }

    private static string? Shown(string? value, Func<double, double> shown) =>
        value is not null && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? shown(v).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)
            : value;

    /// <summary>The entry as someone who may not read pupils' records gets it: field names, never their values.</summary>
    public ChangeEntry WithoutPupilValues() => AboutPupil && Detail is { } detail
        ? this with { Detail = detail with { Fields = [.. detail.Fields.Select(f => f with { From = null, To = null })] } }
        : this;
}
