using System.Globalization;

namespace ApGrid.Domain.Returns;

/// <summary>
/// The AP census (first column LA, the LA's code) and the school census AP placement module (first
/// column SchoolURN) as CSV, one row per placement, in the census's item names and codes.
/// </summary>
public static class ApPlacementCsv
{
    public static readonly IReadOnlyList<string> Items =
    [
        "UPN", "DOB", "Postcode", "SENprovision", "SENtype", "APURN", "APUKPRN", "APsettingType", "APreason",
        "EntryDate", "LeavingDate", "AttendancePattern", "SessionsPerWeek",
    ];

    public static string ApCensus(LaCode la, IEnumerable<ApPlacementRow> rows) => Write("LA", la.Value, rows);

    public static string SchoolCensus(string schoolUrn, IEnumerable<ApPlacementRow> rows) => Write("SchoolURN", schoolUrn, rows);

    private static string Write(string reporterItem, string reporter, IEnumerable<ApPlacementRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return ReturnCsv.Write(
            [reporterItem, .. Items],
            rows.Select(r => (IReadOnlyList<string?>)
            [
                reporter, r.Upn, ReturnCsv.Date(r.DateOfBirth), r.Postcode, r.SenProvision, r.SenType, r.Urn, r.Ukprn, r.SettingType, r.Reason,
                ReturnCsv.Date(r.EntryDate), ReturnCsv.Date(r.LeavingDate), r.AttendancePattern, r.SessionsPerWeek.ToString(CultureInfo.InvariantCulture),
            ]));
    }
}
