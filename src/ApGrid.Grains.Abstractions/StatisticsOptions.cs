namespace ApGrid.Grains.Abstractions;

/// <summary>The "Statistics" configuration section: how often the figures shown outside the LA are published (see docs/security.md).</summary>
public sealed class StatisticsOptions
{
    public TimeSpan PublishEvery { get; set; } = TimeSpan.FromDays(1);
}
