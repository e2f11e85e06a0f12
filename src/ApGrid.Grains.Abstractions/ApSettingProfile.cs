namespace ApGrid.Grains.Abstractions;

/// <summary>What an AP setting is; its availability is kept apart because it changes daily.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ApSettingProfile")]
public sealed record ApSettingProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] ApSettingType Type,
    [property: Id(2)] bool Registered,
    [property: Id(3)] IReadOnlyList<KeyStage> KeyStages,
    [property: Id(4)] IReadOnlyList<NeedType> Specialisms,
    [property: Id(5)] Location Location,
    [property: Id(6)] SessionTimes? SessionTimes = null)
{
    /// <summary>The setting's own times, or the common AP day for a setting that has not published any.</summary>
    public SessionTimes Times => SessionTimes ?? Domain.SessionTimes.Default;
}
