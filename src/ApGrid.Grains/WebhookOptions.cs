namespace ApGrid.Grains;

/// <summary>The "Webhooks" configuration section.</summary>
public sealed class WebhookOptions
{
    /// <summary>Waits between attempts at one change; when they are spent the endpoint is disabled. Default: the Standard Webhooks schedule.</summary>
    public List<TimeSpan>? Backoff { get; set; }

    /// <summary>How often a reminder wakes each endpoint, so retries and undelivered changes resume after a restart.</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one delivery may take before it counts as failed (the specification suggests 15 seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>For tests only: allow http:// URLs and loopback or private addresses as targets.</summary>
    public bool AllowPrivateTargets { get; set; }

    public IReadOnlyList<TimeSpan> RetrySchedule => Backoff is { Count: > 0 } backoff ? backoff : WebhookRules.DefaultBackoff;
}
