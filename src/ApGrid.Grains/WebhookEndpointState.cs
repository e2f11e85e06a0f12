namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.WebhookEndpointState")]
public sealed class WebhookEndpointState
{
    [Id(0)] public WebhookRegistration? Registration { get; set; }

    [Id(1)] public string Secret { get; set; } = "";

    [Id(2)] public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>The last change delivered, or passed over as a kind the endpoint did not ask for.</summary>
    [Id(3)] public long Cursor { get; set; }

    /// <summary>Failed attempts at the change after <see cref="Cursor"/>; back to 0 when it is delivered.</summary>
    [Id(4)] public int FailedAttempts { get; set; }

    [Id(5)] public DateTimeOffset? NextAttemptAt { get; set; }

    [Id(6)] public DateTimeOffset? DisabledAt { get; set; }

    [Id(7)] public string? LastError { get; set; }

    [Id(8)] public DateTimeOffset? LastErrorAt { get; set; }

    [Id(9)] public long Delivered { get; set; }

    /// <summary>The latest attempts, newest first, at most <see cref="WebhookEndpointGrain.DeliveriesKept"/>.</summary>
    [Id(10)] public List<WebhookDeliveryRecord> Deliveries { get; set; } = [];

    [Id(11)] public bool Deleted { get; set; }

    /// <summary>The key of this endpoint's message ids (<see cref="WebhookMessageId"/>); never leaves the grain.</summary>
    [Id(12)] public byte[] IdKey { get; set; } = [];
}
