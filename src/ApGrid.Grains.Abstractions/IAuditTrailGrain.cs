namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The tenant's access audit trail, keyed by LA code. Append and read only: there is deliberately no
/// way to change or remove an entry.
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
}
