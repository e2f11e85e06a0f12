using System.Globalization;

namespace ApGrid.Grains.Abstractions;

/// <summary>Keys of the attendance grains: a setting's register of one day, and a placement's attendance.</summary>
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
}
