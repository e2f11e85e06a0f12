using System.Globalization;

namespace ApGrid.Server.Commands;

/// <summary>
/// `export ap-census|school-census|sen2 --la CODE ...`, and the configuration overrides after them.
/// The census date (or SEN2's year) is always given: a return for the machine's today would be a
/// different return on another day.
/// </summary>
public sealed record ExportArguments(string Return, string La, DateOnly? CensusDate, string? School, int? Year, string? Out, IReadOnlyList<string> Configuration)
{
    public const string ApCensus = "ap-census";
    public const string SchoolCensus = "school-census";
    public const string Sen2 = "sen2";

    public const string Usage =
        "Usage: ApGrid.Server export ap-census --la CODE --census-date YYYY-MM-DD [--out FILE]\n"
        + "       ApGrid.Server export school-census --la CODE --school URN --census-date YYYY-MM-DD [--out FILE]\n"
        + "       ApGrid.Server export sen2 --la CODE --year YYYY [--out FILE]\n"
        + "       (and configuration overrides such as --Orleans:GatewayPort N)";

    /// <returns>Null with <paramref name="error"/> set when the arguments are wrong.</returns>
    public static ExportArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        if (args.Count < 2 || args[1] is not (ApCensus or SchoolCensus or Sen2))
        {
            error = $"Name the return: {ApCensus}, {SchoolCensus} or {Sen2}.";
            return null;
        }

        string? la = null, school = null, output = null;
        DateOnly? censusDate = null;
        int? year = null;
        var configuration = new List<string>();
        for (var i = 2; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--la" when value is not null:
                    if (!Domain.LaCode.TryParse(value, out _)) return Fail($"--la {value}: an LA code is 3 digits, e.g. 931.", out error);
                    la = value;
                    i++;
                    break;
                case "--census-date" when value is not null:
                    if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return Fail($"--census-date {value}: give the date as YYYY-MM-DD.", out error);
                    censusDate = date;
                    i++;
                    break;
                case "--school" when value is not null:
                    if (!Domain.Urn.TryParse(value, out _)) return Fail($"--school {value}: a URN is 6 digits.", out error);
                    school = value;
                    i++;
                    break;
                case "--year" when value is not null:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 9999) return Fail($"--year {value}: give a calendar year such as 2025.", out error);
                    year = y;
                    i++;
                    break;
                case "--out" when value is not null:
                    output = value;
                    i++;
                    break;
                case var key when key.StartsWith("--", StringComparison.Ordinal) && key.Contains(':', StringComparison.Ordinal) && value is not null:
                    configuration.Add(key);
                    configuration.Add(value);
                    i++;
                    break;
                default:
                    return Fail($"Unknown or incomplete argument \"{args[i]}\".", out error);
            }
        }

        var missing = (args[1], la, censusDate, school, year) switch
        {
            (_, null, _, _, _) => "--la CODE is required.",
            (ApCensus or SchoolCensus, _, null, _, _) => "--census-date YYYY-MM-DD is required.",
            (SchoolCensus, _, _, null, _) => "--school URN is required.",
            (Sen2, _, _, _, null) => "--year YYYY is required.",
            (Sen2, _, { }, _, _) => "sen2 takes --year, not --census-date: its reference date is the January census day after the year.",
            (ApCensus or Sen2, _, _, { }, _) => "--school is for school-census only.",
            (ApCensus or SchoolCensus, _, _, _, { }) => "--year is for sen2 only.",
            _ => null,
        };
        if (missing is not null) return Fail(missing, out error);
        return new ExportArguments(args[1], la!, censusDate, school, year, output, configuration);
    }

    private static ExportArguments? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
