namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The tenant's secret for the change-feed cursors it gives roles that see only part of the feed,
/// keyed by LA code: made once, at random, and the same on every node.
/// </summary>
[Alias("ApGrid.IChangeCursorKeyGrain")]
public interface IChangeCursorKeyGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<byte[]> GetAsync();
}
