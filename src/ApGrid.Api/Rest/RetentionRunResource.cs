namespace ApGrid.Api.Rest;

/// <summary>What a retention run removed, or in a dry run would remove: per pupil, and from the audit trail.</summary>
public sealed record RetentionRunResource(bool DryRun, IReadOnlyList<RetentionPupilResource> Pupils, RetentionAuditResource Audit)
{
    public static RetentionRunResource From(bool dryRun, IReadOnlyList<RetentionOutcome> pupils, AuditExpiry audit)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        ArgumentNullException.ThrowIfNull(audit);
        return new(dryRun, [.. pupils.Select(RetentionPupilResource.From)], new RetentionAuditResource(audit.Entries, ChangeCursor.Format(audit.ThroughSequence), audit.Before));
    }
}
