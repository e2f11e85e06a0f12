namespace ApGrid.Grains;

/// <summary>
/// The LA's webhooks: which endpoints exist. Each endpoint's delivery state lives in its own grain,
/// so a slow or failing partner holds up only itself.
/// </summary>
public sealed class WebhookRegistryGrain(
    [PersistentState("webhooks")] IPersistentState<WebhookRegistryState> state,
    IOptions<WebhookOptions> options) : Grain, IWebhookRegistryGrain
{
    public const int MaxWebhooks = 50;

    private string LaCode => this.GetPrimaryKeyString();

    public async Task<CommandResult<WebhookStatus>> RegisterAsync(WebhookRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var invalid = WebhookRules.CheckUrl(registration.Url, options.Value.AllowPrivateTargets) ?? WebhookRules.CheckKinds(registration.Kinds);
        if (invalid is not null) return CommandResult<WebhookStatus>.Fail(invalid);
        if (state.State.WebhookIds.Count >= MaxWebhooks)
        {
            return CommandResult<WebhookStatus>.Fail(DomainError.Conflict("url", $"An LA may register at most {MaxWebhooks} webhooks; delete one first."));
        }

        var id = "wh" + (state.State.Registered + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Changes stored from now on: a new endpoint is not flooded with the feed's history.
        var from = await GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).GetLastSequenceAsync();
        var created = await Endpoint(id).CreateAsync(
            registration with { Url = registration.Url.Trim(), Kinds = [.. registration.Kinds.Distinct()], Description = registration.Description?.Trim() },
            WebhookSignature.NewSecret(), from);
        state.State.Registered++;
        state.State.WebhookIds.Add(id);
        await state.WriteStateAsync();
        return CommandResult<WebhookStatus>.Ok(created);
    }

    public async Task<IReadOnlyList<WebhookStatus>> ListAsync()
    {
        var all = await Task.WhenAll(state.State.WebhookIds.Select(id => Endpoint(id).GetAsync()));
        return [.. all.OfType<WebhookStatus>()];
    }

    public async Task<CommandResult<WebhookStatus>> DeleteAsync(string webhookId)
    {
        if (!state.State.WebhookIds.Contains(webhookId)) return NotFound();
        var status = await Endpoint(webhookId).GetAsync();
        await Endpoint(webhookId).DeleteAsync();
        state.State.WebhookIds.Remove(webhookId);
        await state.WriteStateAsync();
        return CommandResult<WebhookStatus>.Ok(status!);
    }

    public async Task<CommandResult<WebhookStatus>> EnableAsync(string webhookId) =>
        state.State.WebhookIds.Contains(webhookId) && await Endpoint(webhookId).EnableAsync() is { } status
            ? CommandResult<WebhookStatus>.Ok(status)
            : NotFound();

    public Task WakeAsync()
    {
        foreach (var id in state.State.WebhookIds) Endpoint(id).WakeAsync().Ignore();
        return Task.CompletedTask;
    }

    private IWebhookEndpointGrain Endpoint(string id) => GrainFactory.GetGrain<IWebhookEndpointGrain>(GrainKeys.For(LaCode, id));

    private static CommandResult<WebhookStatus> NotFound() => CommandResult<WebhookStatus>.Fail(DomainError.NotFound("id", "No such webhook."));
}
