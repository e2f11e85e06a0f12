namespace ApGrid.Grains.Abstractions;

/// <summary>
/// An AP setting as the LA's capacity index holds it. Version grows with every change so the index
/// can drop a snapshot that arrives after a newer one.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ApCapacitySnapshot")]
public sealed record ApCapacitySnapshot(
    [property: Id(0)] string Urn,
    [property: Id(1)] ApSettingProfile Profile,
    [property: Id(2)] int FullTimePlaces,
    [property: Id(3)] int FullTimePlacesFree,
    [property: Id(4)] IReadOnlyList<SessionCapacity> Sessions,
    [property: Id(5)] double OutreachHoursPerWeek,
    [property: Id(6)] double OutreachHoursFree,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] long Version,
    [property: Id(9)] int OutreachCaseload = 0,
    [property: Id(10)] DateTimeOffset? PublicUpdatedAt = null)
{
    /// <summary>
    /// The setting as everyone outside the LA (and other settings' staff) sees it: free places and
    /// hours as <see cref="DisclosureControl"/> shows them, so that places in use are never an exact
    /// small number, and the time of the last change to those figures, not of every start and end.
    /// </summary>
    public ApCapacitySnapshot AsSeenOutsideLa() => this with
    {
        FullTimePlacesFree = DisclosureControl.FreePlacesShown(FullTimePlacesFree),
        Sessions = [.. Sessions.Select(s => s with { Free = DisclosureControl.FreePlacesShown(s.Free) })],
        OutreachHoursFree = DisclosureControl.HoursShown(OutreachHoursFree),
        OutreachCaseload = 0,
        UpdatedAt = PublicUpdatedAt ?? UpdatedAt,
    };

    /// <summary>The same offer, profile and free capacity (not the same version or time).</summary>
    public bool SameFigures(ApCapacitySnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Equals(Profile, other.Profile) && FullTimePlaces == other.FullTimePlaces && FullTimePlacesFree == other.FullTimePlacesFree
            && Sessions.SequenceEqual(other.Sessions) && OutreachHoursPerWeek.Equals(other.OutreachHoursPerWeek) && OutreachHoursFree.Equals(other.OutreachHoursFree);
    }

    /// <summary>Places in use: offered less free (never below zero when the offer was cut below what is held).</summary>
    public int FullTimePlacesInUse => Math.Max(0, FullTimePlaces - FullTimePlacesFree);
}
