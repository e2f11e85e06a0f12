namespace ApGrid.Server.Demo;

/// <summary>The "DemoData" configuration section.</summary>
public sealed class DemoDataOptions
{
    /// <summary>Seed the fictional demo tenants when storage is empty. Development only: elsewhere the setting is ignored.</summary>
    public bool Enabled { get; set; } = true;
}
