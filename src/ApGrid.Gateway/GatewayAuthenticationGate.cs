using Microsoft.AspNetCore.Http.Features;

namespace ApGrid.Gateway;

/// <summary>
/// Refuses unauthenticated calls to the API at the edge, so they never cost a node anything. The
/// exception is a WebSocket upgrade: graphql-transport-ws carries its token in connection_init,
/// after the upgrade, so only the node can judge it (and does). So is a board session in the
/// `gateway` role, which keeps none.
/// </summary>
internal static class GatewayAuthenticationGate
{
    public static IApplicationBuilder UseGatewayAuthenticationGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var needsCaller = GatewayRoutes.AuthenticatedPrefixes.Any(p => context.Request.Path.StartsWithSegments(p));
        if (needsCaller && !IsWebSocketUpgrade(context) && context.User.Identity?.IsAuthenticated != true && !await CarriesWhatOnlyNodesJudgeAsync(context))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer, ApiKey";
            await GatewayRefusals.WriteAsync(context, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED",
                "A valid bearer token or X-Api-Key is required.");
            return;
        }

        await next(context);
    });

    // The `gateway` role keeps no sessions (they live in the nodes' grains): a request with the
    // board's session cookie goes on, and the node judges the session, as it does every caller.
    // Likewise a managed API key, which only nodes can check.
    private static async Task<bool> CarriesWhatOnlyNodesJudgeAsync(HttpContext context) =>
        (context.Request.Cookies.ContainsKey(ApGrid.Auth.BoardSession.CookieName)
            || ApGrid.Auth.ManagedApiKey.Parse(context.Request.Headers[ApGrid.Auth.ApiKeyDefaults.HeaderName].ToString()) is not null)
        && context.RequestServices.GetService<ApGrid.Auth.IManagedApiKeys>() is null
        && await context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>()
            .GetSchemeAsync(ApGrid.Auth.BoardSession.Scheme) is null;

    // YARP proxies upgrades without the WebSockets middleware, so read the request itself:
    // HTTP/1.1 Upgrade: websocket, or HTTP/2's extended CONNECT with :protocol websocket.
    internal static bool IsWebSocketUpgrade(HttpContext context) =>
        context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true
            ? string.Equals(context.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase)
            : context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true } connect
              && string.Equals(connect.Protocol, "websocket", StringComparison.OrdinalIgnoreCase);
}
