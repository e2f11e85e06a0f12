namespace ApGrid.Grains.Abstractions;

/// <summary>A mainstream school, keyed "{laCode}/{urn}", with the pupils it has on roll in ApGrid.</summary>
[Alias("ApGrid.ISchoolGrain")]
public interface ISchoolGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<bool> CreateAsync(SchoolProfile profile);

    [AlwaysInterleave, Alias("GetProfile")]
    Task<SchoolProfile?> GetProfileAsync();

    [Alias("AddPupil")]
    Task AddPupilAsync(string pupilId);

    [AlwaysInterleave, Alias("GetPupilIds")]
    Task<IReadOnlyList<string>> GetPupilIdsAsync();
}
