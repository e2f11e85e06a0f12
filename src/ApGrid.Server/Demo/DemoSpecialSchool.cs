using ApGrid.Grains.Abstractions;

namespace ApGrid.Server.Demo;

public sealed record DemoSpecialSchool(string Urn, SpecialSchoolProfile Profile, int Places, int PlacesTaken);
