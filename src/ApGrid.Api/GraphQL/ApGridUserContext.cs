using System.Collections.Concurrent;
using ApGrid.Api.Audit;
using ApGrid.Api.Auth;

namespace ApGrid.Api.GraphQL;

/// <summary>What every resolver of one request may use: the caller, fixed before execution starts, and the request's pupil access log.</summary>
public sealed class ApGridUserContext(Caller caller, AuditChannel channel) : Dictionary<string, object?>
{
    public Caller Caller { get; } = caller;

    private readonly Lock versionLock = new();
    private CapacityIndexVersion? capacityVersion;
    private bool capacityVersionsDiffer;

    public PupilAccessLog AccessLog { get; } = new(caller, channel);

    // A list of placements asks for the review dates of many pupils of few schools: one calendar
    // call per school and academic year per request, however many fields ask.
    private readonly ConcurrentDictionary<(int AcademicYear, string? SchoolUrn), Lazy<Task<SchoolCalendar>>> schoolCalendars = new();

    /// <summary>The tenant's calendar covering the academic year of <paramref name="date"/> and the next, for one school, read once per request.</summary>
    public Task<SchoolCalendar> SchoolCalendarAsync(DateOnly date, string? schoolUrn, Func<Task<SchoolCalendar>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        return schoolCalendars.GetOrAdd((SchoolYear.AcademicYearStart(date).Year, schoolUrn), _ => new Lazy<Task<SchoolCalendar>>(load)).Value;
    }

    /// <summary>The version of the capacity index every read in this request saw; null when none read it or reads saw different versions.</summary>
    public CapacityIndexVersion? CapacityVersion
    {
        get
        {
            lock (versionLock) return capacityVersionsDiffer ? null : capacityVersion;
        }
    }

    public void CapacityIndexRead(CapacityIndexVersion version)
    {
        lock (versionLock)
        {
            capacityVersionsDiffer |= capacityVersion is { } earlier && earlier != version;
            capacityVersion = version;
        }
    }
}
