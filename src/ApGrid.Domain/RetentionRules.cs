namespace ApGrid.Domain;

/// <summary>When a record is past its retention period, and what the retention job does about it (ADR 020).</summary>
public static class RetentionRules
{
    /// <summary>
    /// The first day a kind of record is past retention: the pupil's birthday at the policy's age.
    /// A 29 February birthday falls on 28 February in other years (DateOnly.AddYears), a day early rather than late.
    /// </summary>
    public static DateOnly DueOn(RetentionPolicy policy, RetainedRecordKind kind, DateOnly dateOfBirth)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return dateOfBirth.AddYears(policy.UntilAge(kind));
    }

    /// <summary>
    /// Kinds holding records that are due and none open go; due kinds with an open record are held.
    /// The identity goes only when its own period is over and nothing else remains or is held, so
    /// records never outlive the pupil they would need to be read against, nor the other way round
    /// while anything is still kept.
    /// </summary>
    public static RetentionDecision Decide(RetentionPolicy policy, DateOnly dateOfBirth, DateOnly today, IReadOnlyList<RetainedRecords> held)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(held);
        bool Due(RetainedRecordKind kind) => today >= DueOn(policy, kind, dateOfBirth);
        var present = held.Where(h => h.Count > 0 && h.Kind != RetainedRecordKind.PupilRecord).ToList();
        var remove = present.Where(h => Due(h.Kind) && !h.Open).Select(h => h.Kind).Distinct().ToList();
        var kept = present.Where(h => Due(h.Kind) && h.Open).Select(h => h.Kind).Distinct().ToList();
        var identityOpen = held.Any(h => h.Kind == RetainedRecordKind.PupilRecord && h.Open);
        var eraseIdentity = Due(RetainedRecordKind.PupilRecord) && !identityOpen && present.All(h => remove.Contains(h.Kind));
        if (Due(RetainedRecordKind.PupilRecord) && identityOpen) kept.Add(RetainedRecordKind.PupilRecord);
        return new RetentionDecision(remove, kept, eraseIdentity);
    }

    /// <summary>Audit entries made before this instant are past retention.</summary>
    public static DateTimeOffset AuditCutoff(RetentionPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return now.AddYears(-policy.AuditYears);
    }
}
