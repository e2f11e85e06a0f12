namespace ApGrid.Grains.Abstractions;

/// <summary>A school's roll in ApGrid (a mainstream school's, or a PRU's or special school's when it is a pupil's home school), keyed "{laCode}/{urn}", with the pupils it has on roll in ApGrid.</summary>
[Alias("ApGrid.ISchoolGrain")]
public interface ISchoolGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<bool> CreateAsync(SchoolProfile profile);

    [AlwaysInterleave, Alias("GetProfile")]
    Task<SchoolProfile?> GetProfileAsync();

    /// <summary>What GIAS says of the school (name, phase, location, references, closure); false when nothing changed or the school is unknown.</summary>
    [Alias("RecordGias")]
    Task<bool> RecordGiasAsync(SchoolProfile profile);

    [Alias("AddPupil")]
    Task AddPupilAsync(string pupilId);

    /// <summary>The pupil moved to another home school.</summary>
    [Alias("RemovePupil")]
    Task RemovePupilAsync(string pupilId);

    [AlwaysInterleave, Alias("GetPupilIds")]
    Task<IReadOnlyList<string>> GetPupilIdsAsync();
}
