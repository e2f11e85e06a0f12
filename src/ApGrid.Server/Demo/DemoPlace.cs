using ApGrid.Domain;

namespace ApGrid.Server.Demo;

/// <summary>Where a demo pupil goes: a full-time place, or the listed half-day sessions.</summary>
internal sealed record DemoPlace(string Urn, bool FullTime, IReadOnlyList<Session> Sessions);
