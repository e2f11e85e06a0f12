namespace ApGrid.Grains.Abstractions;

/// <summary>
/// A pupil, keyed "{laCode}/{pupilId}". It owns the pupil's placements and runs the cross-grain
/// steps: reserve at the AP setting first, then record; release again if recording fails.
/// </summary>
[Alias("ApGrid.IPupilGrain")]
public interface IPupilGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task<CommandResult<PupilSnapshot>> RegisterAsync(PupilRecord record);

    [AlwaysInterleave, Alias("Get")]
    Task<PupilSnapshot?> GetAsync();

    [Alias("StartPlacement")]
    Task<CommandResult<PupilSnapshot>> StartPlacementAsync(PlacementRequest request);
}
