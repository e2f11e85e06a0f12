using ApGrid.Grains.Abstractions;

namespace ApGrid.Server.Demo;

/// <summary>A demo outreach request; those marked AllocateAtSeed are allocated in one round before the rest arrive, so the board shows both.</summary>
public sealed record DemoOutreachRequest(OutreachRequestRecord Request, bool AllocateAtSeed);
