using System.Globalization;
using System.Text;
using ApGrid.Domain.Gias;

namespace ApGrid.Api.Gias;

/// <summary>What an import did (or, in a dry run, would do), for the LA to read.</summary>
public sealed record GiasImportReport(
    bool DryRun,
    string EstablishmentsEncoding,
    string? LinksEncoding,
    int RowsRead,
    IReadOnlyList<GiasReportLine> Created,
    IReadOnlyList<GiasReportLine> Updated,
    IReadOnlyList<GiasReportLine> Closed,
    IReadOnlyList<GiasReportLine> Moved,
    IReadOnlyList<GiasReportLine> ForLa,
    IReadOnlyList<GiasReportLine> Skipped,
    int Unchanged)
{
    /// <summary>Nothing created, updated, closed or moved: the run found ApGrid already as the files say.</summary>
    public bool NoChanges => Created.Count == 0 && Updated.Count == 0 && Closed.Count == 0 && Moved.Count == 0;

    public string Summary()
    {
        var text = new StringBuilder();
        var verb = DryRun ? "Dry run, nothing written: would have " : string.Empty;
        text.Append(CultureInfo.InvariantCulture, $"Read {RowsRead:N0} establishments ({Words(EstablishmentsEncoding)})");
        if (LinksEncoding is { } links) text.Append(CultureInfo.InvariantCulture, $" and the links file ({Words(links)})");
        text.AppendLine(".");
        if (NoChanges)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"No changes: {Unchanged} establishments already as GIAS says.");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{verb}{(DryRun ? "created" : "Created")} {Created.Count}, updated {Updated.Count}, closed {Closed.Count}, moved {Moved.Count}; {Unchanged} unchanged.");
        }

        Section(text, DryRun ? "Would create" : "Created", Created);
        Section(text, DryRun ? "Would update" : "Updated", Updated);
        Section(text, DryRun ? "Would close" : "Closed", Closed);
        Section(text, DryRun ? "Would move" : "Moved", Moved);
        Section(text, "For the LA to decide", ForLa);
        Section(text, "Not imported", Skipped);
        return text.ToString();
    }

    /// <summary>"UTF-8" or "Windows-1252": how a file was read, so a wrong guess would be visible.</summary>
    public static string NameOf(TextEncodingKind encoding) => encoding == TextEncodingKind.Utf8 ? "UTF-8" : "Windows-1252";

    private static string Words(string encoding) => encoding == "UTF-8" ? encoding : $"{encoding}, as it is not valid UTF-8";

    private static void Section(StringBuilder text, string title, IReadOnlyList<GiasReportLine> lines)
    {
        if (lines.Count == 0) return;
        text.AppendLine(CultureInfo.InvariantCulture, $"{title} ({lines.Count}):");
        foreach (var line in lines) text.AppendLine(CultureInfo.InvariantCulture, $"  {line.Tenant} {line.Urn} {line.Name}: {line.What}");
    }
}
