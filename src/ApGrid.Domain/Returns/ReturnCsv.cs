using System.Globalization;
using System.Text;

namespace ApGrid.Domain.Returns;

/// <summary>RFC 4180 CSV as the returns are written: CRLF line ends, a field quoted only when it holds a comma, quote or line break.</summary>
public static class ReturnCsv
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            if (row.Count != header.Count) throw new ArgumentException($"A row has {row.Count} fields; the header has {header.Count}.", nameof(rows));
            Line(text, row);
        }

        return text.ToString();
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static void Line(StringBuilder text, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) text.Append(',');
            var field = fields[i] ?? string.Empty;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }

        text.Append("\r\n");
    }
}
