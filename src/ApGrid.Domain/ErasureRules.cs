namespace ApGrid.Domain;

/// <summary>
/// Erasure on request (UK GDPR Article 17). The LA processes these records for its public task and
/// legal duties, so the right does not apply while a duty still needs them (Article 17(3)(b)): an
/// open record refuses it. Otherwise an LA officer may erase, and must say why; the reason is kept.
/// </summary>
public static class ErasureRules
{
    public const int MaxReasonLength = 500;

    public static DomainError? Check(string? reason, IReadOnlyList<RetainedRecords> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        if (string.IsNullOrWhiteSpace(reason)) return DomainError.Validation("reason", "reason is required: say why the record is erased (for example: registered in error).");
        if (reason.Trim().Length > MaxReasonLength) return DomainError.Validation("reason", $"reason must be at most {MaxReasonLength} characters.");
        var open = held.Where(h => h.Open && h.Count > 0).Select(h => NameOf(h.Kind)).Distinct().ToList();
        return open.Count == 0
            ? null
            : DomainError.Conflict("pupilId", $"The record cannot be erased while the LA still needs it for a duty in progress: {string.Join(", ", open)}. Close it first.");
    }

    public static string NameOf(RetainedRecordKind kind) => kind switch
    {
        RetainedRecordKind.PupilRecord => "the pupil's record",
        RetainedRecordKind.Placement => "a placement still running",
        RetainedRecordKind.Referral => "a referral not yet decided or closed",
        RetainedRecordKind.Exclusion => "an exclusion whose duty is still running",
        RetainedRecordKind.Sen => "an open EHC case or waiting-list entry",
        _ => kind.ToString(),
    };
}
