namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The tenant's access audit trail, keyed by LA code. Append and read: there is deliberately no way
/// to change an entry or remove one, except retention removing the oldest whole pages once past their period.
/// </summary>
[Alias("ApGrid.IAuditTrailGrain")]
public interface IAuditTrailGrain : IGrainWithStringKey
{
    /// <summary>Stores all records of one request in one write before answering; returns the last sequence.</summary>
    [Alias("Append")]
    Task<long> AppendAsync(IReadOnlyList<AuditRecord> records);

    /// <summary>Entries after a sequence, oldest first, at most <paramref name="limit"/>, optionally of one pupil.</summary>
    [AlwaysInterleave, Alias("Read")]
    Task<AuditTrailPage> ReadAsync(long after, int limit, string? pupilId);

    /// <summary>
    /// Removes, oldest first, the sealed pages whose every entry is past the retention policy's audit
    /// period, and records in the trail what went and who ran it. A dry run only counts.
    /// </summary>
    [Alias("Expire")]
    Task<AuditExpiry> ExpireAsync(bool dryRun, string by, string role);
}
