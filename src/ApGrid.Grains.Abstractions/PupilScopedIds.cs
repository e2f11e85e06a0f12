using System.Globalization;

namespace ApGrid.Grains.Abstractions;

/// <summary>
/// Referral and placement ids carry their pupil's id ("p-1a2b3c4d5e.r1", "p-1a2b3c4d5e.pl2"), so a
/// mutation that names only a referral or placement reaches the one grain that owns it.
/// </summary>
public static class PupilScopedIds
{
    public static string Referral(string pupilId, int number) => $"{pupilId}.r{number.ToString(CultureInfo.InvariantCulture)}";

    public static string Placement(string pupilId, int number) => $"{pupilId}.pl{number.ToString(CultureInfo.InvariantCulture)}";

    public static string Exclusion(string pupilId, int number) => $"{pupilId}.ex{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The pupil a referral or placement id belongs to, or null for anything malformed.</summary>
    public static string? PupilOf(string? id)
    {
        if (string.IsNullOrEmpty(id)) return null;
        var dot = id.LastIndexOf('.');
        return dot > 0 && PupilIds.IsWellFormed(id[..dot]) ? id[..dot] : null;
    }
}
