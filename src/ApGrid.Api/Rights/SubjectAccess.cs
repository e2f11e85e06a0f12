using ApGrid.Api.Auth;
using ApGrid.Api.Audit;
using ApGrid.Api.GraphQL;
using ApGrid.Api.Rest;

namespace ApGrid.Api.Rights;

/// <summary>
/// Builds a pupil's subject-access export. Only LA officers: every other role is refused before the
/// pupil is looked up, so the refusal says nothing about whether the pupil exists; another tenant's
/// pupil is not found, exactly like a missing one (the grain key comes from the caller's tenant).
/// </summary>
public static class SubjectAccess
{
    private const int AuditBatch = 500;

    public static async Task<SubjectAccessExport> BuildAsync(IGrainFactory grains, Caller caller, string? pupilId, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(clock);
        PupilAccess.RequireLa(caller);
        var pupil = (await PupilAccess.LoadAsync(grains, caller, pupilId, "pupilId").ConfigureAwait(false)).Snapshot;
        var today = clock.Today();
        var attendance = await Task.WhenAll(pupil.Placements.Select(p =>
            grains.GetGrain<IPlacementAttendanceGrain>(GrainKeys.For(caller.Tenant, p.PlacementId)).GetAsync(today))).ConfigureAwait(false);
        var entries = await Task.WhenAll((pupil.WaitingListEntryIds ?? [])
            .Where(id => WaitingListIds.SchoolOf(id) is not null)
            .Select(id => grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(caller.Tenant, WaitingListIds.SchoolOf(id)!)).GetEntryAsync(id))).ConfigureAwait(false);
        return new SubjectAccessExport(
            pupil.Id, caller.Tenant, clock.GetUtcNow(), caller.Subject, pupil.Record,
            pupil.Corrections ?? [], pupil.Timetables ?? [], pupil.Referrals, pupil.Placements,
            [.. attendance.SelectMany(a => a.Marks.Select(m => new SubjectAccessMark(
                a.PlacementId, m.Date, m.Session, AttendanceCodes.CodeOf(m.Code, m.Session), AttendanceCodes.NameOf(m.Code))))],
            pupil.Exclusions ?? [], pupil.Ehcp, [.. entries.OfType<WaitingListEntryRecord>()],
            await AuditOfAsync(grains, caller, pupil.Id).ConfigureAwait(false));
    }

    /// <summary>The whole audit of the pupil, however many pages: an export is rare and must be complete.</summary>
    private static async Task<List<AuditEntryResource>> AuditOfAsync(IGrainFactory grains, Caller caller, string pupilId)
    {
        var entries = new List<AuditEntryResource>();
        var after = 0L;
        while (true)
        {
            var page = await AuditTrailQuery.ReadAsync(grains, caller, pupilId, ChangeCursor.Format(after), AuditBatch, "limit").ConfigureAwait(false);
            entries.AddRange(page.Entries.Select(e => AuditEntryResource.From(e, caller.Tenant)));
            if (!page.HasMore) return entries;
            after = page.NextAfter;
        }
    }
}
