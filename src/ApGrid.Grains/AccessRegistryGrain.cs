using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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

    public async Task<CommandResult<NewApiKey>> CreateApiKeyAsync(string name, DateTimeOffset? expiresAt, string by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var now = clock.GetUtcNow();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) return CommandResult<NewApiKey>.Fail(DomainError.Validation("name", "name must be 1 to 100 characters."));
        if (expiresAt is { } end && end <= now) return CommandResult<NewApiKey>.Fail(DomainError.Validation("expiresOn", "expiresOn must be after today."));
        var created = NewKey(name.Trim(), expiresAt, by, now);
        state.State.ApiKeys.Add(created.Key);
        await state.WriteStateAsync();
        return CommandResult<NewApiKey>.Ok(created);
    }

    public async Task<CommandResult<NewApiKey>> RotateApiKeyAsync(string keyId, TimeSpan overlap, string by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var now = clock.GetUtcNow();
        var index = state.State.ApiKeys.FindIndex(k => k.Id == keyId && k.HoldsAt(now));
        if (index < 0) return CommandResult<NewApiKey>.Fail(DomainError.NotFound("id", $"No live API key {keyId} in this LA."));
        if (overlap < TimeSpan.Zero || overlap > TimeSpan.FromDays(30)) return CommandResult<NewApiKey>.Fail(DomainError.Validation("overlapHours", "overlapHours must be from 0 to 720."));
        var old = state.State.ApiKeys[index];
        var rotated = NewKey(old.Name, old.ExpiresAt, by, now);

        // The old secret keeps working for the overlap, so the partner can switch without a gap.
        var retires = now + overlap;
        state.State.ApiKeys[index] = old with { ExpiresAt = old.ExpiresAt is { } end && end < retires ? end : retires, ReplacedBy = rotated.Key.Id };
        state.State.ApiKeys.Add(rotated.Key);
        await state.WriteStateAsync();
        return CommandResult<NewApiKey>.Ok(rotated);
    }

    public async Task<CommandResult<ApiKeyRecord>> RevokeApiKeyAsync(string keyId, string by)
    {
        var index = state.State.ApiKeys.FindIndex(k => k.Id == keyId);
        if (index < 0) return CommandResult<ApiKeyRecord>.Fail(DomainError.NotFound("id", $"No API key {keyId} in this LA."));
        var revoked = state.State.ApiKeys[index] with { RevokedAt = state.State.ApiKeys[index].RevokedAt ?? clock.GetUtcNow() };
        state.State.ApiKeys[index] = revoked;
        await state.WriteStateAsync();
        return CommandResult<ApiKeyRecord>.Ok(revoked);
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ApiKeysAsync() => Task.FromResult<IReadOnlyList<ApiKeyRecord>>([.. state.State.ApiKeys]);

    public async Task<ApiKeyRecord?> VerifyApiKeyAsync(string keyId, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var now = clock.GetUtcNow();
        var index = state.State.ApiKeys.FindIndex(k => k.Id == keyId);
        if (index < 0) return null;
        var key = state.State.ApiKeys[index];
        if (!CryptographicOperations.FixedTimeEquals(HashOf(key.Salt, secret), key.Hash) || !key.HoldsAt(now)) return null;

        // "Last used" to the hour: a partner polling every second must not cost a write each time.
        if (key.LastUsedAt is not { } last || now - last >= TimeSpan.FromHours(1))
        {
            key = key with { LastUsedAt = now };
            state.State.ApiKeys[index] = key;
            await state.WriteStateAsync();
        }

        return key;
    }

    public Task<bool> ApiKeyHoldsAsync(string keyId) =>
        Task.FromResult(state.State.ApiKeys.Exists(k => k.Id == keyId && k.HoldsAt(clock.GetUtcNow())));

    private NewApiKey NewKey(string name, DateTimeOffset? expiresAt, string by, DateTimeOffset now)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var salt = RandomNumberGenerator.GetBytes(16);
        var id = string.Create(CultureInfo.InvariantCulture, $"k-{state.State.NextApiKey++}");
        return new NewApiKey(new ApiKeyRecord(id, name, salt, HashOf(salt, secret), "PARTNER", expiresAt, by, now, null, null, null), secret);
    }

    private static byte[] HashOf(byte[] salt, string secret) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(secret)]);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private void Record(string by, AccessChangeKind kind, AccessGrant grant, DateTimeOffset at) =>
        state.State.History.Add(new AccessChange(state.State.History.Count + 1, at, by, kind, grant));
}
