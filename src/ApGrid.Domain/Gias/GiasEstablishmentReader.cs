using System.Globalization;

namespace ApGrid.Domain.Gias;

/// <summary>
/// Reads GIAS's establishment fields CSV (edubasealldataYYYYMMDD.csv) as published: columns found
/// by their header names, dates as dd-MM-yyyy, UTF-8 or Windows-1252. Any fault refuses the whole
/// file with its line and column, so an import never acts on half a file.
/// </summary>
public static class GiasEstablishmentReader
{
    public const string UrnColumn = "URN";
    public const string LaCodeColumn = "LA (code)";
    public const string TypeCodeColumn = "TypeOfEstablishment (code)";

    private static readonly string[] SenColumns = [.. Enumerable.Range(1, 13).Select(n => $"SEN{n} (name)")];

    private static readonly string[] Required =
    [
        UrnColumn, LaCodeColumn, "LA (name)", "EstablishmentName", TypeCodeColumn, "TypeOfEstablishment (name)",
        "EstablishmentStatus (name)", "OpenDate", "CloseDate", "PhaseOfEducation (name)", "StatutoryLowAge", "StatutoryHighAge",
        .. SenColumns, "PlacesPRU", "UKPRN", "Postcode", "Easting", "Northing",
    ];

    /// <summary>Detects the encoding, then reads every row; rows <paramref name="keep"/> refuses (by URN, LA code and type code) are checked for shape only.</summary>
    /// <exception cref="GiasFileException">The file is not a GIAS establishment file, or a kept row has a bad value.</exception>
    public static async Task<GiasEstablishmentFile> ReadAsync(Stream stream, Func<string, string, int, bool>? keep = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var encoding = await TextEncodingDetector.DetectAsync(stream, cancellationToken).ConfigureAwait(false);
        using var text = TextEncodingDetector.Open(stream, encoding);
        var (kept, rows) = Read(text, keep ?? ((_, _, _) => true), progress, () => stream.Position);
        return new GiasEstablishmentFile(kept, encoding, rows);
    }

    private static (List<GiasEstablishment> Kept, int Rows) Read(TextReader text, Func<string, string, int, bool> keep, IProgress<long>? progress, Func<long> position)
    {
        var kept = new List<GiasEstablishment>();
        Dictionary<string, int>? columns = null;
        var width = 0;
        var rows = 0;
        foreach (var record in CsvReader.Read(text))
        {
            if (columns is null)
            {
                columns = Header(record);
                width = record.Fields.Count;
                continue;
            }

            if (record.Fields.Count == 1 && record.Fields[0].Length == 0) continue;
            if (record.Fields.Count != width)
            {
                var last = record.Starts[^1];
                throw new GiasFileException(last.Line, last.Column, $"this row has {record.Fields.Count} fields where the header has {width}.");
            }

            rows++;
            if ((rows & 1023) == 0) progress?.Report(position());
            var row = new Row(record, columns);
            var urn = row.Urn();
            var laCode = row.LaCode();
            var typeCode = row.Int(TypeCodeColumn, 0, 999) ?? throw row.Fault(TypeCodeColumn, "the establishment type code is required.");
            if (keep(urn, laCode, typeCode)) kept.Add(row.Establishment(urn, laCode, typeCode));
        }

        if (columns is null) throw new GiasFileException(1, 1, "the file is empty: a GIAS establishment file starts with its header line.");
        progress?.Report(position());
        return (kept, rows);
    }

    private static Dictionary<string, int> Header(CsvRecord record)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < record.Fields.Count; i++)
        {
            if (!columns.TryAdd(record.Fields[i], i))
            {
                throw new GiasFileException(record.Starts[i].Line, record.Starts[i].Column, $"the column \"{record.Fields[i]}\" appears twice in the header.");
            }
        }

        var missing = Required.Where(name => !columns.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new GiasFileException(record.Line, 1, $"the header lacks {string.Join(", ", missing.Select(m => $"\"{m}\""))}: this is not a GIAS establishment fields file.");
        }

        return columns;
    }

    private sealed class Row(CsvRecord record, Dictionary<string, int> columns)
    {
        public GiasFileException Fault(string column, string message)
        {
            var (line, col) = record.Starts[columns[column]];
            return new GiasFileException(line, col, $"{column}: {message}");
        }

        public string Text(string column) => record.Fields[columns[column]].Trim();

        public string? Optional(string column) => Text(column) is { Length: > 0 } value ? value : null;

        public string Urn() => Domain.Urn.TryParse(Text(UrnColumn), out var urn)
            ? urn.Value
            : throw Fault(UrnColumn, $"\"{Text(UrnColumn)}\" is not a URN (6 digits).");

        public string LaCode() => Domain.LaCode.TryParse(Text(LaCodeColumn), out var code)
            ? code.Value
            : throw Fault(LaCodeColumn, $"\"{Text(LaCodeColumn)}\" is not an LA code (3 digits).");

        public int? Int(string column, int min, int max)
        {
            if (Optional(column) is not { } value) return null;
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
                ? number
                : throw Fault(column, $"\"{value}\" is not a whole number from {min} to {max}.");
        }

        public DateOnly? Date(string column)
        {
            if (Optional(column) is not { } value) return null;
            return DateOnly.TryParseExact(value, "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Fault(column, $"\"{value}\" is not a date as dd-MM-yyyy.");
        }

        public GiasEstablishment Establishment(string urn, string laCode, int typeCode)
        {
            var status = Text("EstablishmentStatus (name)") switch
            {
                "Open" => GiasStatus.Open,
                "Closed" => GiasStatus.Closed,
                "Open, but proposed to close" => GiasStatus.OpenProposedToClose,
                "Proposed to open" => GiasStatus.ProposedToOpen,
                var other => throw Fault("EstablishmentStatus (name)", $"\"{other}\" is not Open, Closed, \"Open, but proposed to close\" or \"Proposed to open\"."),
            };
            var name = Optional("EstablishmentName") ?? throw Fault("EstablishmentName", "the name is required.");
            var openDate = Date("OpenDate");
            var closeDate = Date("CloseDate");
            if (openDate is { } opened && closeDate is { } closed && closed < opened)
            {
                throw Fault("CloseDate", $"{closed:dd-MM-yyyy} is before the OpenDate {opened:dd-MM-yyyy}.");
            }

            var low = Int("StatutoryLowAge", 0, 25);
            var high = Int("StatutoryHighAge", 0, 25);
            if (low is { } l && high is { } h && h < l) throw Fault("StatutoryHighAge", $"{h} is below the StatutoryLowAge {l}.");

            var needs = new List<NeedType>();
            foreach (var column in SenColumns)
            {
                if (Optional(column) is not { } sen) continue;
                var need = GiasMapping.NeedOf(sen) ?? throw Fault(column, $"\"{sen}\" is not a SEN provision type ApGrid knows (SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, DS, OTH).");
                if (!needs.Contains(need)) needs.Add(need);
            }

            var ukprn = Optional("UKPRN");
            if (ukprn is not null && !Ukprn.IsValid(ukprn)) throw Fault("UKPRN", $"\"{ukprn}\" is not a UKPRN (8 digits starting with 1).");

            string? postcode = null;
            if (Optional("Postcode") is { } givenPostcode)
            {
                postcode = Domain.Postcode.TryParse(givenPostcode, out var parsed) && parsed!.IsWhole
                    ? parsed.Value
                    : throw Fault("Postcode", $"\"{givenPostcode}\" is not a UK postcode.");
            }

            return new GiasEstablishment(
                record.Line, urn, laCode, Text("LA (name)"), name, typeCode, Text("TypeOfEstablishment (name)"), status, openDate, closeDate,
                Text("PhaseOfEducation (name)"), low, high, needs, Int("PlacesPRU", 0, 10_000), ukprn, postcode, Location());
        }

        private GeoPoint? Location()
        {
            var easting = Int("Easting", 0, (int)BritishNationalGrid.MaxEasting);
            var northing = Int("Northing", 0, (int)BritishNationalGrid.MaxNorthing);
            if (easting is null && northing is null) return null;
            if (easting is null || northing is null) throw Fault(easting is null ? "Easting" : "Northing", "Easting and Northing come together: one is missing.");

            // GIAS writes 0,0 for an establishment it has no position for.
            return easting == 0 && northing == 0 ? null : BritishNationalGrid.ToWgs84(easting.Value, northing.Value);
        }
    }
}
