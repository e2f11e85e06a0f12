namespace ApGrid.Grains.Abstractions;

/// <summary>The LA's outgoing webhooks, keyed by LA code: registered by LA officers, one endpoint grain each.</summary>
[Alias("ApGrid.IWebhookRegistryGrain")]
public interface IWebhookRegistryGrain : IGrainWithStringKey
{
    /// <summary>Registers an endpoint that receives the changes stored from now on; the answer carries its secret, shown this once.</summary>
    [Alias("Register")]
    Task<CommandResult<WebhookStatus>> RegisterAsync(WebhookRegistration registration);

    [AlwaysInterleave, Alias("List")]
    Task<IReadOnlyList<WebhookStatus>> ListAsync();

    [Alias("Delete")]
    Task<CommandResult<WebhookStatus>> DeleteAsync(string webhookId);

    /// <summary>Turns a disabled endpoint on again; it resumes at the change it failed on.</summary>
    [Alias("Enable")]
    Task<CommandResult<WebhookStatus>> EnableAsync(string webhookId);

    /// <summary>The feed stored something: every endpoint looks for what it has not delivered.</summary>
    [OneWay, Alias("Wake")]
    Task WakeAsync();
}

/// <summary>One webhook endpoint of an LA (key: LA code and webhook id); delivers the feed from its own cursor.</summary>
[Alias("ApGrid.IWebhookEndpointGrain")]
public interface IWebhookEndpointGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<WebhookStatus> CreateAsync(WebhookRegistration registration, string secret, long startAfter);

    [AlwaysInterleave, Alias("Get")]
    Task<WebhookStatus?> GetAsync();

    /// <summary>The latest delivery attempts, newest first.</summary>
    [AlwaysInterleave, Alias("GetDeliveries")]
    Task<IReadOnlyList<WebhookDeliveryRecord>> GetDeliveriesAsync();

    [Alias("Delete")]
    Task DeleteAsync();

    [Alias("Enable")]
    Task<WebhookStatus?> EnableAsync();

    [OneWay, Alias("Wake")]
    Task WakeAsync();
}

/// <summary>What an LA officer registers: where to, which kinds of change, a note, and who registered it.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.WebhookRegistration")]
public sealed record WebhookRegistration(
    [property: Id(0)] string Url,
    [property: Id(1)] IReadOnlyList<ChangeKind> Kinds,
    [property: Id(2)] string? Description,
    [property: Id(3)] string RegisteredBy);

/// <summary>
/// An endpoint as the LA sees it. <see cref="Secret"/> is set only in the answer to its
/// registration; <see cref="Cursor"/> is the last change delivered or passed over.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.WebhookStatus")]
public sealed record WebhookStatus(
    [property: Id(0)] string Id,
    [property: Id(1)] WebhookRegistration Registration,
    [property: Id(2)] DateTimeOffset RegisteredAt,
    [property: Id(3)] long Cursor,
    [property: Id(4)] int FailedAttempts,
    [property: Id(5)] DateTimeOffset? NextAttemptAt,
    [property: Id(6)] DateTimeOffset? DisabledAt,
    [property: Id(7)] string? LastError,
    [property: Id(8)] DateTimeOffset? LastErrorAt,
    [property: Id(9)] long Delivered,
    [property: Id(10)] string? Secret = null);

/// <summary>One attempt to deliver one change: the message id (the same on every retry), the HTTP status or the error.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.WebhookDeliveryRecord")]
public sealed record WebhookDeliveryRecord(
    [property: Id(0)] string MessageId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] int Attempt,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] int? StatusCode,
    [property: Id(5)] string? Error,
    [property: Id(6)] double Milliseconds)
{
    public bool Succeeded => Error is null;
}

/// <summary>The one thing a webhook endpoint grain asks of the outside world: one signed POST of one change.</summary>
public interface IWebhookSender
{
    /// <summary>Posts the entry (already cut to what a partner may see) and says how it went; never throws for the endpoint's failures.</summary>
    Task<WebhookDeliveryRecord> SendAsync(string url, string secret, string messageId, ChangeEntry entry, int attempt, CancellationToken cancellationToken);
}
