namespace ApGrid.Grains;

/// <summary>
/// Delivers the LA's change feed to one partner endpoint, in feed order, from a cursor kept in its
/// own state: a change is delivered (2xx) before the cursor passes it, so a process killed at any
/// point sends it again rather than never (at least once; webhook-id is the same each time, so
/// the receiver can tell). A failure waits out the retry schedule, holding back the changes after
/// it; when the schedule is spent the endpoint is disabled with its last error until an LA
/// officer enables it again. A reminder wakes the endpoint after a restart.
/// </summary>
public sealed partial class WebhookEndpointGrain(
    [PersistentState("webhook")] IPersistentState<WebhookEndpointState> state,
    IWebhookSender sender,
    IOptions<WebhookOptions> options,
    ILogger<WebhookEndpointGrain> logger) : Grain, IWebhookEndpointGrain, IRemindable
{
    public const int DeliveriesKept = 50;
    private const int ReadBatch = 100;
    private const string SweepReminder = "webhook-sweep";

    // Real time, not the service's clock: the receiver checks webhook-timestamp against its own
    // clock, and the waits between attempts are real waits (a test clock moves by days).
    private static readonly TimeProvider RealTime = TimeProvider.System;

    private IGrainTimer? retryTimer;

    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private string Id => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    private WebhookEndpointState S => state.State;

    public async Task<WebhookStatus> CreateAsync(WebhookRegistration registration, string secret, long startAfter)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (S.Registration is null)
        {
            S.Registration = registration;
            S.Secret = secret;
            S.RegisteredAt = RealTime.GetUtcNow();
            S.Cursor = startAfter;
            await state.WriteStateAsync();
            await this.RegisterOrUpdateReminder(SweepReminder, options.Value.SweepPeriod, options.Value.SweepPeriod);
        }

        return Status() with { Secret = S.Secret };
    }

    public Task<WebhookStatus?> GetAsync() => Task.FromResult(S.Registration is null || S.Deleted ? null : Status());

    public Task<IReadOnlyList<WebhookDeliveryRecord>> GetDeliveriesAsync() => Task.FromResult<IReadOnlyList<WebhookDeliveryRecord>>([.. S.Deliveries]);

    public async Task DeleteAsync()
    {
        S.Deleted = true;
        await state.WriteStateAsync();
        if (await this.GetReminder(SweepReminder) is { } reminder) await this.UnregisterReminder(reminder);
        DeactivateOnIdle();
    }

    public async Task<WebhookStatus?> EnableAsync()
    {
        if (S.Registration is null || S.Deleted) return null;
        S.DisabledAt = null;
        S.FailedAttempts = 0;
        S.NextAttemptAt = null;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(SweepReminder, options.Value.SweepPeriod, options.Value.SweepPeriod);
        this.AsReference<IWebhookEndpointGrain>().WakeAsync().Ignore();
        return Status();
    }

    public Task WakeAsync() => DeliverAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => DeliverAsync();

    /// <summary>
    /// Sends what the endpoint has not had yet, oldest first, until it is caught up or an attempt
    /// fails. Calls arrive one at a time (the grain is not reentrant), so two runs never overlap.
    /// </summary>
    private async Task DeliverAsync()
    {
        if (S.Registration is not { } registration || S.Deleted || S.DisabledAt is not null) return;
        if (S.NextAttemptAt is { } next && next > RealTime.GetUtcNow())
        {
            ScheduleRetry(next - RealTime.GetUtcNow());
            return;
        }

        var feed = GrainFactory.GetGrain<IChangeFeedGrain>(LaCode);
        while (true)
        {
            var entries = await feed.ReadAsync(S.Cursor, ReadBatch);
            if (entries.Count == 0) return;
            var passedOver = false;
            foreach (var entry in entries)
            {
                if (!registration.Kinds.Contains(entry.Kind))
                {
                    S.Cursor = entry.Sequence;
                    passedOver = true;
                    continue;
                }

                if (!await SendAsync(registration, entry)) return;
            }

            if (passedOver) await state.WriteStateAsync();
        }
    }

    /// <summary>One attempt at one change; true when it was delivered and the cursor moved past it.</summary>
    private async Task<bool> SendAsync(WebhookRegistration registration, ChangeEntry entry)
    {
        if (S.IdKey.Length == 0)
        {
            // Stored before the first message, so a retry after a crash repeats the same id.
            S.IdKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            await state.WriteStateAsync();
        }

        var messageId = WebhookMessageId.For(S.IdKey, entry.Sequence);
        using var timeout = new CancellationTokenSource(options.Value.Timeout);
        // A partner is not an LA officer: pupils' values and exact free places never leave in a webhook.
        var attempt = await sender.SendAsync(registration.Url, S.Secret, messageId, entry.OutsideLa(), S.FailedAttempts + 1, timeout.Token);
        S.Deliveries.Insert(0, attempt);
        ApGridTelemetry.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", attempt.Succeeded ? "delivered" : "failed"));
        if (S.Deliveries.Count > DeliveriesKept) S.Deliveries.RemoveRange(DeliveriesKept, S.Deliveries.Count - DeliveriesKept);

        if (attempt.Succeeded)
        {
            S.Cursor = entry.Sequence;
            S.FailedAttempts = 0;
            S.NextAttemptAt = null;
            S.Delivered++;
            await state.WriteStateAsync();
            return true;
        }

        S.FailedAttempts++;
        S.LastError = attempt.StatusCode is { } code ? $"HTTP {code}: {attempt.Error}" : attempt.Error;
        S.LastErrorAt = attempt.At;
        var wait = WebhookRules.RetryAfter(S.FailedAttempts, options.Value.RetrySchedule);
        if (wait is { } delay)
        {
            S.NextAttemptAt = attempt.At + delay;
            ScheduleRetry(delay);
        }
        else
        {
            S.DisabledAt = attempt.At;
            S.NextAttemptAt = null;
            LogDisabled(logger, LaCode, Id, S.FailedAttempts, S.LastError);
        }

        await state.WriteStateAsync();
        return false;
    }

    /// <summary>A timer for waits shorter than the reminder's period; the reminder covers longer ones, and a restart.</summary>
    private void ScheduleRetry(TimeSpan delay)
    {
        if (delay >= options.Value.SweepPeriod) return;
        retryTimer?.Dispose();
        retryTimer = this.RegisterGrainTimer(DeliverAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private WebhookStatus Status() => new(
        Id, S.Registration!, S.RegisteredAt, S.Cursor, S.FailedAttempts, S.NextAttemptAt, S.DisabledAt, S.LastError, S.LastErrorAt, S.Delivered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} of {LaCode} disabled after {Attempts} failed attempts: {LastError}")]
    private static partial void LogDisabled(ILogger logger, string laCode, string webhookId, int attempts, string? lastError);
}
