using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApGrid.Auth;

/// <summary>
/// Authenticates the X-Api-Key header: configured keys (hashes in configuration, for bootstrap) and
/// keys the LA's administrators manage (when the host keeps them). Every refusal counts against the
/// source address (<see cref="AuthenticationFailures"/>).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyValidator validator,
    AuthenticationFailures failures,
    IManagedApiKeys? managed = null) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values)) return AuthenticateResult.NoResult();
        var presented = values.Count == 1 ? values[0] : null;
        var principal = ManagedApiKey.Parse(presented) is { } key
            ? managed is null ? null : await managed.AuthenticateAsync(key)
            : validator.Authenticate(presented);
        if (principal is not null) return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyDefaults.AuthenticationScheme));

        // The gateway role keeps no managed keys: it leaves those to the node rather than count them as guesses.
        if (managed is not null || ManagedApiKey.Parse(presented) is null) failures.Failed(Context.Connection.RemoteIpAddress);
        return AuthenticateResult.Fail("The API key is not valid.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = ApiKeyDefaults.AuthenticationScheme;
        return Task.CompletedTask;
    }
}
