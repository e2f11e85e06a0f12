namespace ApGrid.Grains.Abstractions;

/// <summary>A sealed, full page of a tenant's audit trail, keyed "{laCode}/{pageNumber}". Written once, read often, removed whole once past retention.</summary>
[Alias("ApGrid.IAuditTrailPageGrain")]
public interface IAuditTrailPageGrain : IGrainWithStringKey
{
    /// <summary>Writes the page once; a page that holds entries already keeps them.</summary>
    [Alias("Seal")]
    Task SealAsync(IReadOnlyList<AuditEntry> entries);

    /// <summary>Removes the page once every entry is past retention (IAuditTrailGrain.ExpireAsync).</summary>
    [Alias("Clear")]
    Task ClearAsync();

    [AlwaysInterleave, Alias("Read")]
    Task<IReadOnlyList<AuditEntry>> ReadAsync();
}
