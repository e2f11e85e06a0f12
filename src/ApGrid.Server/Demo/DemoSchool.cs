using ApGrid.Grains.Abstractions;

namespace ApGrid.Server.Demo;

public sealed record DemoSchool(string Urn, SchoolProfile Profile);
