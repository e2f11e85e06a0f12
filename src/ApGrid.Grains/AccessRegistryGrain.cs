using System.Globalization;

namespace ApGrid.Grains;

public sealed class AccessRegistryGrain(
    [PersistentState("accessRegistry")] IPersistentState<AccessRegistryState> state, TimeProvider clock) : Grain, IAccessRegistryGrain
{
    public async Task<CommandResult<AccessGrant>> GrantAsync(string? email, string? subject, string role, string? urn, DateOnly? expiresOn, string by)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        ArgumentNullException.ThrowIfNull(by);
        var now = clock.GetUtcNow();
        if (AccessGrantRules.Check(email, subject, expiresOn, DateOnly.FromDateTime(now.UtcDateTime)) is { } error) return CommandResult<AccessGrant>.Fail(error);
        var normalised = AccessGrantRules.NormaliseEmail(email);
        var trimmedSubject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim();
        var existing = state.State.Grants.FindIndex(g => normalised is not null ? g.Email == normalised : g.Subject == trimmedSubject);
        var id = existing >= 0 ? state.State.Grants[existing].Id : string.Create(CultureInfo.InvariantCulture, $"g-{state.State.NextGrant++}");
        var grant = new AccessGrant(id, normalised, trimmedSubject, role, urn, expiresOn, by, now);
        if (existing >= 0) state.State.Grants[existing] = grant; else state.State.Grants.Add(grant);
        Record(by, existing >= 0 ? AccessChangeKind.Changed : AccessChangeKind.Granted, grant, now);
        await state.WriteStateAsync();
        return CommandResult<AccessGrant>.Ok(grant);
    }

    public async Task<CommandResult<AccessGrant>> RevokeAsync(string grantId, string by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var grant = state.State.Grants.Find(g => g.Id == grantId);
        if (grant is null) return CommandResult<AccessGrant>.Fail(DomainError.NotFound("id", $"No grant {grantId} in this LA."));
        state.State.Grants.Remove(grant);
        Record(by, AccessChangeKind.Revoked, grant, clock.GetUtcNow());
        await state.WriteStateAsync();
        return CommandResult<AccessGrant>.Ok(grant);
    }

    public Task<AccessGrant?> ResolveAsync(string subject, string? email)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var holding = state.State.Grants.Where(g => AccessGrantRules.Holds(g.Email, g.Subject, g.ExpiresOn, subject, email, today)).ToList();
        return Task.FromResult(holding.Find(g => g.Subject is not null) ?? holding.FirstOrDefault());
    }

    public Task<IReadOnlyList<AccessGrant>> ListAsync() => Task.FromResult<IReadOnlyList<AccessGrant>>([.. state.State.Grants]);

    public Task<IReadOnlyList<AccessChange>> HistoryAsync(int limit) =>
        Task.FromResult<IReadOnlyList<AccessChange>>([.. Enumerable.Reverse(state.State.History).Take(Math.Clamp(limit, 0, 1000))]);

    private void Record(string by, AccessChangeKind kind, AccessGrant grant, DateTimeOffset at) =>
        state.State.History.Add(new AccessChange(state.State.History.Count + 1, at, by, kind, grant));
}
