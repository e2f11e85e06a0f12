using ApGrid.Domain.Returns;

namespace ApGrid.Domain.Tests.Returns;

/// <summary>Hand-built pupils for the returns' tests: every expected row in them is worked out by hand.</summary>
internal static class ReturnWorld
{
    /// <summary>The spring census day of 2025/26: 1 January 2026 is a Thursday, so the third is the 15th.</summary>
    public static readonly DateOnly CensusDay = new(2026, 1, 15);

    public static readonly ReturnSetting Unregistered = new(null, "10012345", ApSettingType.UnregisteredProvider);
    public static readonly ReturnSetting UnregisteredWithoutUkprn = new(null, null, ApSettingType.UnregisteredProvider);
    public static readonly ReturnSetting Independent = new("140002", "10054321", ApSettingType.IndependentSchool);
    public static readonly ReturnSetting Pru = new("140001", null, ApSettingType.PupilReferralUnit);
    public static readonly ReturnSetting ApAcademy = new("140003", "10077777", ApSettingType.ApAcademy);

    /// <summary>A valid UPN of LA 902 ending in <paramref name="serial"/> (three digits).</summary>
    public static string Upn(int serial)
    {
        var last12 = "902" + "4001" + "24" + serial.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return Domain.Upn.CheckLetterFor(last12) + last12;
    }

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static ReturnPlacement Placement(string id, ReturnSetting setting, PlacementRoute route, DateOnly start, DateOnly? end = null, bool fullTime = false, int sessions = 4) =>
        new(id, setting, route, start, end, fullTime, fullTime ? 10 : sessions);

    public static ReturnPupil Pupil(
        int serial,
        string homeSchool = "100001",
        SenProvision sen = SenProvision.SenSupport,
        NeedType? need = NeedType.Semh,
        ReturnEhcp? ehcp = null,
        ReturnSpecialSchool? special = null,
        params ReturnPlacement[] placements) =>
        new($"pupil-{serial}", Upn(serial), D(2012, 3, 4), homeSchool, "NR20 3AB", sen, need, placements, ehcp, special);
}
