using ApGrid.Api.Rest;

namespace ApGrid.Api.Rights;

/// <summary>
/// Everything ApGrid holds about one pupil, for a subject-access request (UK GDPR Article 15): the
/// records as stored, the attendance marks kept for each placement, the waiting-list entries as the
/// special schools hold them, and every audit entry of who read or changed the record.
/// </summary>
public sealed record SubjectAccessExport(
    string PupilId,
    string LocalAuthority,
    DateTimeOffset ExportedAt,
    string ExportedBy,
    PupilRecord Record,
    IReadOnlyList<PupilCorrection> Corrections,
    IReadOnlyList<PupilTimetable> Timetables,
    IReadOnlyList<ReferralRecord> Referrals,
    IReadOnlyList<PlacementRecord> Placements,
    IReadOnlyList<SubjectAccessMark> Attendance,
    IReadOnlyList<ExclusionRecord> Exclusions,
    EhcpCaseRecord? EhcCase,
    IReadOnlyList<WaitingListEntryRecord> WaitingListEntries,
    IReadOnlyList<AuditEntryResource> Audit);
