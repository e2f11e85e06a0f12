using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL.Views;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// Registers and attendance for every API. Marks are recorded by the setting's own AP staff for any
/// pupil placed there, or by a home school's staff for its own pupils; the LA reads but does not
/// mark (it is not in the room). Grain keys come from the caller's tenant, so another tenant's
/// setting is simply not found.
/// </summary>
public static class AttendanceQueries
{
    /// <summary>A day's register is a class list; a few hundred rows is more than any setting has.</summary>
    public const int MaxMarksPerUpload = 500;

    /// <summary>The register's day by default: today in England.</summary>
    public static DateOnly UkToday(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(AttendanceRules.UkLocal(clock.GetUtcNow()));
    }

    /// <summary>Records the marks, or answers the grain's refusal (naming the row) for the transport to show as it shows rule failures.</summary>
    public static async Task<(RegisterView? Register, CommandError? Refused)> RecordAsync(
        IGrainFactory grains, Caller caller, string urn, DateOnly date, IReadOnlyList<RegisterMarkRow> rows)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(rows);
        var writer = WriterFor(caller, urn);
        if (rows.Count > MaxMarksPerUpload) throw ApGridError.Validation("marks", $"At most {MaxMarksPerUpload} marks in one upload.");
        await RequireSettingAsync(grains, caller, urn);
        var result = await grains.GetGrain<IAttendanceRegisterGrain>(AttendanceKeys.Register(caller.Tenant, urn, date)).RecordAsync(rows, writer);
        return result.Value is { } register ? (await ViewAsync(grains, caller, register), null) : (null, result.Error);
    }

    public static async Task<RegisterView> GetAsync(IGrainFactory grains, Caller caller, string urn, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsLaOfficer && !caller.ActsFor(Role.ApStaff, urn) && !IsSchoolRole(caller))
        {
            throw ApGridError.Forbidden($"Only the LA, the own staff of {urn} and home schools (for their own pupils) see its register.");
        }

        await RequireSettingAsync(grains, caller, urn);
        return await ViewAsync(grains, caller, await grains.GetGrain<IAttendanceRegisterGrain>(AttendanceKeys.Register(caller.Tenant, urn, date)).GetAsync());
    }

    /// <summary>The day's not-arrived alerts: all of them for the LA, a school's own pupils' for its staff.</summary>
    public static async Task<IReadOnlyList<NotArrivedAlertView>> AlertsAsync(IGrainFactory grains, Caller caller, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsLaOfficer && !IsSchoolRole(caller)) throw ApGridError.Forbidden("Only the LA and home schools see not-arrived alerts.");
        var alerts = (await grains.GetGrain<IAttendanceWatchGrain>(caller.Tenant).GetAlertsAsync(date))
            .Where(a => caller.IsLaOfficer || a.HomeSchoolUrn == caller.Urn)
            .ToList();
        var pupils = await PupilsAsync(grains, caller, alerts.Select(a => a.PupilId));
        return [.. alerts.Where(a => pupils.ContainsKey(a.PupilId)).Select(a => new NotArrivedAlertView(a, pupils[a.PupilId]))];
    }

    /// <summary>One placement's attendance as of <paramref name="asOf"/>.</summary>
    public static async Task<AttendanceView> OfPlacementAsync(IGrainFactory grains, string tenant, string placementId, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var held = await grains.GetGrain<IPlacementAttendanceGrain>(AttendanceKeys.Placement(tenant, placementId)).GetAsync(asOf);
        return new AttendanceView(asOf, held.Week.ToTally(), held.ToDate.ToTally(), held.Marks);
    }

    /// <summary>A pupil's attendance: every session of every placement, so a package across providers counts as one timetable.</summary>
    public static async Task<AttendanceView> OfPupilAsync(IGrainFactory grains, string tenant, PupilSnapshot pupil, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        var placements = await Task.WhenAll(pupil.Placements.Where(p => p.StartDate <= asOf).Select(p => OfPlacementAsync(grains, tenant, p.PlacementId, asOf)));
        return new AttendanceView(
            asOf,
            placements.Aggregate(AttendanceTally.None, (sum, p) => sum.Plus(p.Week)),
            placements.Aggregate(AttendanceTally.None, (sum, p) => sum.Plus(p.ToDate)),
            [.. placements.SelectMany(p => p.Marks).OrderBy(m => m.Date).ThenBy(m => m.Session)]);
    }

    private static RegisterWriter WriterFor(Caller caller, string urn)
    {
        if (caller.ActsFor(Role.ApStaff, urn)) return new RegisterWriter(Who(caller), null);
        if (IsSchoolRole(caller)) return new RegisterWriter(Who(caller), caller.Urn);
        throw ApGridError.Forbidden($"Only the own AP staff of {urn}, or a home school's staff for its own pupils, may record attendance there.");
    }

    /// <summary>Any setting's staff may be a pupil's home school (a PRU or special school holds a roll too).</summary>
    private static bool IsSchoolRole(Caller caller) => caller.Role is Role.SchoolStaff or Role.ApStaff or Role.SpecialSchoolStaff && caller.Urn is not null;

    private static string Who(Caller caller) =>
        string.Join(' ', new[] { RoleNames.NameOf(caller.Role), caller.Urn, caller.Subject }.Where(s => !string.IsNullOrEmpty(s)));

    private static async Task RequireSettingAsync(IGrainFactory grains, Caller caller, string urn)
    {
        if (await grains.GetGrain<IApSettingGrain>(GrainKeys.For(caller.Tenant, urn)).GetCapacityAsync() is null) throw ApGridError.NotFound("urn", "AP setting");
    }

    private static async Task<RegisterView> ViewAsync(IGrainFactory grains, Caller caller, RegisterSnapshot register)
    {
        var ownStaff = caller.IsLaOfficer || caller.ActsFor(Role.ApStaff, register.Urn);
        var expected = register.Expected.Where(e => ownStaff || e.HomeSchoolUrn == caller.Urn).ToList();
        var pupils = await PupilsAsync(grains, caller, expected.Select(e => e.PupilId), everyone: ownStaff);
        var marks = register.Marks.ToDictionary(m => (m.PupilId, m.Session));
        var alerts = register.NotArrived.ToDictionary(a => (a.PupilId, a.Session));
        return new RegisterView(register.Urn, register.Date, [.. expected
            .Where(e => pupils.ContainsKey(e.PupilId))
            .SelectMany(e => e.Sessions.Select(s => new RegisterRowView(
                pupils[e.PupilId], e.PlacementId, register.Date, s, marks.GetValueOrDefault((e.PupilId, s)), alerts.GetValueOrDefault((e.PupilId, s)))))
            .OrderBy(r => r.Session).ThenBy(r => r.Pupil.Snapshot.Record.Initials, StringComparer.Ordinal).ThenBy(r => r.Pupil.Snapshot.Id, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The pupils the caller may see, by id. A register's own staff and the LA see every pupil on it
    /// (<paramref name="everyone"/>): on a past day the pupil may have left, and the register still stands.
    /// </summary>
    private static async Task<Dictionary<string, PupilView>> PupilsAsync(IGrainFactory grains, Caller caller, IEnumerable<string> ids, bool everyone = false)
    {
        var snapshots = await Task.WhenAll(ids.Distinct(StringComparer.Ordinal).Select(id => grains.GetGrain<IPupilGrain>(GrainKeys.For(caller.Tenant, id)).GetAsync()));
        return snapshots.OfType<PupilSnapshot>()
            .Where(p => everyone || PupilAccess.CanSee(caller, p))
            .ToDictionary(p => p.Id, p => new PupilView(p, UpnVisible: true), StringComparer.Ordinal);
    }
}
