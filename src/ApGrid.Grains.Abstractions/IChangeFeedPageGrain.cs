namespace ApGrid.Grains.Abstractions;

/// <summary>A sealed, full page of a tenant's feed, keyed "{laCode}/{pageNumber}". Written once, read often.</summary>
[Alias("ApGrid.IChangeFeedPageGrain")]
public interface IChangeFeedPageGrain : IGrainWithStringKey
{
    [Alias("Seal")]
    Task SealAsync(IReadOnlyList<ChangeEntry> entries);

    [AlwaysInterleave, Alias("Read")]
    Task<IReadOnlyList<ChangeEntry>> ReadAsync();
}
