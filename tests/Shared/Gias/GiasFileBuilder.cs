using System.Text;

namespace ApGrid.TestSupport;

/// <summary>
/// Writes establishment files in GIAS's published shape: every column of the real header in its
/// order, every field quoted as GIAS quotes them, and only the values a test names filled in.
/// </summary>
public sealed class GiasFileBuilder
{
    private static readonly Lazy<string[]> Columns = new(() =>
    {
        var header = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gias", "establishment-fields-header.csv")).Trim();
        return [.. header.Split("\",\"").Select(c => c.Trim('"'))];
    });

    private readonly List<IReadOnlyDictionary<string, string>> rows = [];

    public static IReadOnlyList<string> Header => Columns.Value;

    /// <summary>An open establishment with the values every row has; <paramref name="values"/> adds or overrides columns.</summary>
    public GiasFileBuilder Add(string urn, string laCode, string name, int typeCode, string typeName, params (string Column, string Value)[] values)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["URN"] = urn,
            ["LA (code)"] = laCode,
            ["LA (name)"] = "Test LA",
            ["EstablishmentName"] = name,
            ["TypeOfEstablishment (code)"] = typeCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TypeOfEstablishment (name)"] = typeName,
            ["EstablishmentStatus (name)"] = "Open",
            ["PhaseOfEducation (name)"] = "Secondary",
            ["StatutoryLowAge"] = "11",
            ["StatutoryHighAge"] = "16",
        };
        foreach (var (column, value) in values)
        {
            if (!Columns.Value.Contains(column)) throw new ArgumentException($"GIAS has no column \"{column}\".", nameof(values));
            row[column] = value;
        }

        rows.Add(row);
        return this;
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", Columns.Value.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(",", Columns.Value.Select(c => Quote(row.GetValueOrDefault(c, ""))))).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>The file as UTF-8 (with a byte-order mark when asked) or Windows-1252.</summary>
    public byte[] ToBytes(bool windows1252 = false, bool byteOrderMark = false)
    {
        var encoding = windows1252 ? CodePagesEncodingProvider.Instance.GetEncoding(1252)! : new UTF8Encoding(false);
        var body = encoding.GetBytes(ToText());
        return byteOrderMark ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    private static string Quote(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
