using ApGrid.Domain.Gias;

namespace ApGrid.Api.Gias;

/// <summary>
/// Brings tenants' schools, AP settings and special schools into line with a GIAS download,
/// through their grains: the plan is made from the whole file first (a malformed file is refused
/// before anything is written), then created, updated and closed establishments are written and the
/// pupils of each closed one follow it to its single successor.
/// </summary>
public sealed class GiasImporter(IGrainFactory grains, TimeProvider clock)
{
    /// <exception cref="GiasFileException">A file is malformed; nothing was written.</exception>
    public async Task<GiasImportReport> RunAsync(GiasImportOptions options, IProgress<GiasImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var holdings = new Dictionary<string, GiasHoldings>(StringComparer.Ordinal);
        foreach (var tenant in options.Tenants.Distinct())
        {
            holdings[tenant] = await TenantContext.RunAsync(tenant, () => GiasHoldings.ReadAsync(grains, tenant));
        }

        IReadOnlyList<GiasLink> links = [];
        TextEncodingKind? linksEncoding = null;
        if (options.Links is { } linksStream)
        {
            try
            {
                (links, var encoding) = await GiasLinksReader.ReadAsync(linksStream, cancellationToken);
                linksEncoding = encoding;
            }
            catch (GiasFileException e)
            {
                throw new GiasFileException(e.Line, e.Column, e.Reason) { File = "links" };
            }
        }

        // Out-of-area establishments a tenant already holds come with wherever their links lead, so
        // pupils placed out of area follow a conversion there too.
        var resolver = new SuccessorResolver(links);
        var wanted = holdings.ToDictionary(
            h => h.Key,
            h => h.Value.Facts.Keys.SelectMany(urn => resolver.Reachable(urn).Append(urn)).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var referenced = wanted.Values.SelectMany(urns => urns).ToHashSet(StringComparer.Ordinal);
        var length = options.Establishments.CanSeek ? Math.Max(1, options.Establishments.Length) : 1;
        var file = await GiasEstablishmentReader.ReadAsync(
            options.Establishments,
            (urn, laCode, typeCode) => holdings.ContainsKey(laCode) ? GiasMapping.KindOf(typeCode) != GiasKind.NotImported : referenced.Contains(urn),
            new Progress<long>(read => progress?.Report(new GiasImportProgress("Reading establishments", (double)read / length))),
            cancellationToken);

        var run = new GiasImportRun(grains, clock, options);
        var done = 0;
        foreach (var (tenant, held) in holdings)
        {
            var rows = file.Establishments.Where(e => e.LaCode == tenant || wanted[tenant].Contains(e.Urn)).ToList();
            var plan = GiasImportPlanner.Plan(rows, held.Facts, resolver);
            await TenantContext.RunAsync(tenant, () => run.ApplyAsync(tenant, held, plan, rows, cancellationToken));
            progress?.Report(new GiasImportProgress("Writing", (double)++done / holdings.Count));
        }

        return new GiasImportReport(
            options.DryRun, GiasImportReport.NameOf(file.Encoding), linksEncoding is { } l ? GiasImportReport.NameOf(l) : null, file.Rows, run.Created, run.Updated, run.Closed, run.Moved, run.ForLa, run.Skipped, run.Unchanged);
    }
}
