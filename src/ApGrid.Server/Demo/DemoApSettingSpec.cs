using ApGrid.Domain;

namespace ApGrid.Server.Demo;

/// <summary>
/// The fixed part of a demo AP setting. Type, key stages and specialisms are written out by hand
/// rather than drawn at random, so each tenant has the mix the study describes whatever the seed.
/// </summary>
internal sealed record DemoApSettingSpec(
    ApSettingType Type,
    IReadOnlyList<KeyStage> KeyStages,
    IReadOnlyList<NeedType> Specialisms);
