using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ApGrid.Api.Auth;

/// <summary>
/// Keeps board sessions in grains, so the cookie holds only a key: every node reads the same
/// session, and signing out ends it everywhere at once.
/// </summary>
public sealed class BoardSessionStore(IGrainFactory grains) : ITicketStore
{
    /// <summary>The session's own key, kept in its principal so an open WebSocket can ask whether it still holds.</summary>
    public const string SessionClaim = "apgrid_session";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var tenant = ticket.Principal.FindFirst(ApGridClaims.Tenant)?.Value ?? throw new InvalidOperationException("A board session needs its tenant.");
        var key = GrainKeys.For(tenant, "s-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        ((ClaimsIdentity)ticket.Principal.Identity!).AddClaim(new Claim(SessionClaim, key));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var expires = ticket.Properties.ExpiresUtc ?? DateTimeOffset.UtcNow.AddHours(8);
        return Call(key, g => g.StoreAsync(TicketSerializer.Default.Serialize(ticket), expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var bytes = await Call(key, g => g.GetAsync());
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public Task RemoveAsync(string key) => Call(key, g => g.EndAsync());

    /// <summary>Whether the session a principal came from still holds; true for principals that came from no session.</summary>
    public async Task<bool> HoldsAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(SessionClaim)?.Value is not { } key || await Call(key, g => g.GetAsync()) is not null;
    }

    private Task<T> Call<T>(string key, Func<IBoardSessionGrain, Task<T>> call) =>
        TenantContext.RunAsync(GrainKeys.TenantOf(key), () => call(grains.GetGrain<IBoardSessionGrain>(key)));

    private Task Call(string key, Func<IBoardSessionGrain, Task> call) =>
        TenantContext.RunAsync(GrainKeys.TenantOf(key), () => call(grains.GetGrain<IBoardSessionGrain>(key)));
}
