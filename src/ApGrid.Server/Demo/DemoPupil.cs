using ApGrid.Grains.Abstractions;

namespace ApGrid.Server.Demo;

public sealed record DemoPupil(string Id, PupilRecord Record, PlacementRequest Placement);
