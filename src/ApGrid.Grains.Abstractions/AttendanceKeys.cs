using System.Globalization;

namespace ApGrid.Grains.Abstractions;

/// <summary>Keys of the attendance grains: a setting's register of one day, a placement's attendance and its months.</summary>
public static class AttendanceKeys
{
    public static string Register(string laCode, string urn, DateOnly date) =>
        GrainKeys.For(laCode, $"{urn}/{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");

    /// <summary>The setting and day of a register key.</summary>
    public static (string Urn, DateOnly Date) OfRegister(string grainKey)
    {
        var local = GrainKeys.LocalIdOf(grainKey);
        var slash = local.IndexOf('/', StringComparison.Ordinal);
        return (local[..slash], DateOnly.ParseExact(local[(slash + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public static string Placement(string laCode, string placementId) => GrainKeys.For(laCode, placementId);

    /// <summary>The month of a placement's marks holding <paramref name="day"/>.</summary>
    public static string PlacementMonth(string laCode, string placementId, DateOnly day) =>
        GrainKeys.For(laCode, $"{placementId}/{day.ToString("yyyy-MM", CultureInfo.InvariantCulture)}");
}
