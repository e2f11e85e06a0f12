using System.Globalization;

namespace ApGrid.Domain.Gias;

/// <summary>Reads GIAS's links file ("URN","LinkURN","LinkName","LinkType","LinkEstablishedDate"), refusing it whole at the first fault.</summary>
public static class GiasLinksReader
{
    private static readonly string[] Header = ["URN", "LinkURN", "LinkName", "LinkType", "LinkEstablishedDate"];

    /// <exception cref="GiasFileException">Not a links file, or a row with a bad URN or date.</exception>
    public static async Task<(IReadOnlyList<GiasLink> Links, TextEncodingKind Encoding)> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var encoding = await TextEncodingDetector.DetectAsync(stream, cancellationToken).ConfigureAwait(false);
        using var text = TextEncodingDetector.Open(stream, encoding);
        return (Read(text), encoding);
    }

    public static IReadOnlyList<GiasLink> Read(TextReader text)
    {
        var links = new List<GiasLink>();
        var first = true;
        foreach (var record in CsvReader.Read(text))
        {
            if (first)
            {
                if (!record.Fields.SequenceEqual(Header))
                {
                    throw new GiasFileException(record.Line, 1, $"the header must be {string.Join(",", Header.Select(h => $"\"{h}\""))}: this is not a GIAS links file.");
                }

                first = false;
                continue;
            }

            if (record.Fields.Count == 1 && record.Fields[0].Length == 0) continue;
            if (record.Fields.Count != Header.Length)
            {
                var last = record.Starts[^1];
                throw new GiasFileException(last.Line, last.Column, $"this row has {record.Fields.Count} fields where the header has {Header.Length}.");
            }

            links.Add(new GiasLink(UrnAt(record, 0), UrnAt(record, 1), record.Fields[2], record.Fields[3], DateAt(record, 4)));
        }

        if (first) throw new GiasFileException(1, 1, "the file is empty: a GIAS links file starts with its header line.");
        return links;
    }

    private static string UrnAt(CsvRecord record, int index) =>
        Urn.TryParse(record.Fields[index], out var urn)
            ? urn.Value
            : throw new GiasFileException(record.Starts[index].Line, record.Starts[index].Column, $"{Header[index]}: \"{record.Fields[index]}\" is not a URN (6 digits).");

    private static DateOnly? DateAt(CsvRecord record, int index)
    {
        var value = record.Fields[index];
        if (value.Length == 0) return null;
        return DateOnly.TryParseExact(value, "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new GiasFileException(record.Starts[index].Line, record.Starts[index].Column, $"{Header[index]}: \"{value}\" is not a date as dd-MM-yyyy.");
    }
}
