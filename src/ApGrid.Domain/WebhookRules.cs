namespace ApGrid.Domain;

/// <summary>What an LA may register as a webhook, and when a failing delivery is tried again.</summary>
public static class WebhookRules
{
    public const int MaxUrlLength = 2000;

    /// <summary>
    /// The Standard Webhooks retry schedule after the first attempt: 5 seconds, 5 minutes, 30
    /// minutes, 2, 5, 10 and 10 hours; an endpoint still failing after them is disabled.
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultBackoff =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>An absolute https URL with a host and no credentials (http only where the operator allows it, for tests).</summary>
    public static DomainError? CheckUrl(string? url, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return DomainError.Validation("url", "The URL must be an absolute https URL of at most 2000 characters.");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return DomainError.Validation("url", "The URL must use https.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo)) return DomainError.Validation("url", "The URL must not carry a user name or password; the signature authenticates deliveries.");
        return !string.IsNullOrEmpty(uri.Fragment) ? DomainError.Validation("url", "The URL must not have a fragment (#...).") : null;
    }

    public static DomainError? CheckKinds(IReadOnlyCollection<ChangeKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return kinds.Count == 0 ? DomainError.Validation("kinds", "Name at least one kind of change to deliver.") : null;
    }

    /// <summary>
    /// How long to wait after the given number of failed attempts at one message; null once the
    /// schedule is spent, when the endpoint is disabled.
    /// </summary>
    public static TimeSpan? RetryAfter(int failedAttempts, IReadOnlyList<TimeSpan> backoff)
    {
        ArgumentNullException.ThrowIfNull(backoff);
        return failedAttempts >= 1 && failedAttempts <= backoff.Count ? backoff[failedAttempts - 1] : null;
    }
}
