namespace ApGrid.Grains.Abstractions;

/// <summary>A special school, keyed "{laCode}/{urn}".</summary>
[Alias("ApGrid.ISpecialSchoolGrain")]
public interface ISpecialSchoolGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<bool> CreateAsync(SpecialSchoolProfile profile, int places, int placesTaken);

    [AlwaysInterleave, Alias("Get")]
    Task<SpecialSchoolSnapshot?> GetAsync();

    [Alias("SetPlaces")]
    Task<CommandResult<SpecialSchoolSnapshot>> SetPlacesAsync(int places);
}
