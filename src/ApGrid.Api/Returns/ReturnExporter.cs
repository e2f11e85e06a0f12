using System.Globalization;
using ApGrid.Api.Audit;
using ApGrid.Api.GraphQL;
using ApGrid.Domain.Returns;

namespace ApGrid.Api.Returns;

/// <summary>
/// The statutory returns, for the command line and the REST API alike: reads the tenant's pupils,
/// builds and validates the return in ApGrid.Domain, and notes a read of every pupil it discloses
/// (in rows or failures) on <paramref name="audit"/> — a bulk read of pupil data is audited like any other.
/// With <paramref name="checkDates"/>, a census date in the future and a year not yet ended are
/// refused by <paramref name="clock"/>; the command line leaves that to its operator, since the
/// machine's clock need not be the cluster's (a development clock).
/// </summary>
public sealed class ReturnExporter(IGrainFactory grains, TimeProvider clock, PupilAccessLog audit, bool checkDates = true)
{
    public const string ApCensusName = "AP census";
    public const string SchoolCensusName = "School census AP placement module";
    public const string Sen2Name = "SEN2";

    private const string Csv = "text/csv; charset=utf-8";

    /// <exception cref="ApGridError">A census date in the future.</exception>
    public async Task<ReturnExport> ApCensusAsync(string tenant, DateOnly censusDate, CancellationToken cancellationToken = default)
    {
        CheckCensusDate(censusDate);
        var pupils = await ReadAsync(tenant, censusDate, cancellationToken);
        var result = ApCensusReturn.Build(pupils, censusDate);
        return Audited("Export.apCensus", ReturnExport.From(
            ApCensusName, $"ap-census-{tenant}-{Iso(censusDate)}.csv", Csv, result, rows => ApPlacementCsv.ApCensus(new LaCode(tenant), rows)));
    }

    /// <exception cref="ApGridError">A census date in the future, or a school the tenant does not hold.</exception>
    public async Task<ReturnExport> SchoolCensusAsync(string tenant, string schoolUrn, DateOnly censusDate, CancellationToken cancellationToken = default)
    {
        CheckCensusDate(censusDate);
        var registry = await TenantContext.RunAsync(tenant, () => grains.GetGrain<ILocalAuthorityGrain>(tenant).GetRegistryAsync());
        if (!registry.Schools.Any(s => s.Urn == schoolUrn)) throw ApGridError.NotFound("schoolUrn", "school");
        var pupils = await ReadAsync(tenant, censusDate, cancellationToken);
        var result = SchoolCensusApModule.Build(schoolUrn, pupils, censusDate);
        return Audited("Export.schoolCensusAp", ReturnExport.From(
            SchoolCensusName, $"school-census-ap-{schoolUrn}-{Iso(censusDate)}.csv", Csv, result, rows => ApPlacementCsv.SchoolCensus(schoolUrn, rows)));
    }

    /// <exception cref="ApGridError">A year that has not ended.</exception>
    public async Task<ReturnExport> Sen2Async(string tenant, int year, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        if (year < 2000 || (checkDates && year >= today.Year)) throw ApGridError.Validation("year", $"year must be a calendar year that has ended (before {today.Year}): SEN2 is collected the January after it.");
        var reference = Sen2Return.ReferenceDate(year);
        var pupils = await ReadAsync(tenant, reference, cancellationToken);
        var result = Sen2Return.Build(pupils, year);
        var release = typeof(ReturnExporter).Assembly.GetName().Version?.ToString(2) ?? "1.0";
        return Audited("Export.sen2", ReturnExport.From(
            Sen2Name, $"sen2-{tenant}-{year + 1}.xml", "application/xml; charset=utf-8", result,
            persons => Sen2Xml.Write(new LaCode(tenant), year, persons, clock.GetUtcNow(), release)));
    }

    private Task<IReadOnlyList<ReturnPupil>> ReadAsync(string tenant, DateOnly sessionsOn, CancellationToken cancellationToken) =>
        TenantContext.RunAsync(tenant, () => ReturnPupils.ReadAsync(grains, tenant, sessionsOn, cancellationToken));

    private void CheckCensusDate(DateOnly censusDate)
    {
        if (checkDates && censusDate > clock.Today()) throw ApGridError.Validation("censusDate", "censusDate cannot be in the future: a census counts pupils on a day that has come.");
    }

    private ReturnExport Audited(string what, ReturnExport export)
    {
        foreach (var pupilId in export.PupilIds) audit.Read(pupilId, what);
        return export;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
