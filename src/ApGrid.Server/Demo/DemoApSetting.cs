using ApGrid.Grains.Abstractions;

namespace ApGrid.Server.Demo;

public sealed record DemoApSetting(string Urn, ApSettingProfile Profile, ApAvailability Availability);
