namespace ApGrid.Grains.Abstractions;

/// <summary>
/// A tenant's postcode sector centroids (from the ONS Postcode Directory, loaded by the LA), keyed by
/// LA code: where a pupil's journey starts when their home postcode is known.
/// </summary>
[Alias("ApGrid.IPostcodeDirectoryGrain")]
public interface IPostcodeDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Replaces every centroid with the ones given: a directory is loaded whole, each quarter's release replacing the last.</summary>
    [Alias("Replace")]
    Task ReplaceAsync(IReadOnlyDictionary<string, Location> sectors);

    /// <summary>The centroid of a sector such as "NE1 4"; null when the directory does not hold it.</summary>
    [AlwaysInterleave, Alias("Find")]
    Task<Location?> FindAsync(string sector);

    [AlwaysInterleave, Alias("Count")]
    Task<int> CountAsync();
}
