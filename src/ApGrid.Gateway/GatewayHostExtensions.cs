using ApGrid.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ApGrid.Gateway;

public static class GatewayHostExtensions
{
    /// <summary>Wires the `gateway` role: authentication (the node's rules), the gateway's policies and YARP to Gateway:Destinations.</summary>
    public static WebApplicationBuilder AddApGridGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = GatewayOptions.Read(builder.Configuration);
        options.Validate();
        builder.Services.AddSingleton(options);
        builder.Services.AddApGridAuthentication(builder.Configuration, builder.Environment.IsDevelopment());
        builder.AddGatewayPolicies();
        // Before AddReverseProxy, whose own factory is only a TryAdd.
        builder.Services.AddSingleton<Yarp.ReverseProxy.Forwarder.IForwarderHttpClientFactory, GatewayHttpClientFactory>();
        var giasMaxUploadBytes = builder.Configuration.GetValue("Gias:MaxUploadBytes", GatewayRoutes.DefaultGiasMaxUploadBytes);
        builder.Services.AddReverseProxy().LoadFromMemory(GatewayRoutes.Routes(builder.Environment.IsDevelopment(), giasMaxUploadBytes), [GatewayRoutes.Cluster(options)]);
        return builder;
    }

    /// <summary>
    /// The rate limits of the RateLimits section, for <see cref="UseGatewayPolicies"/>. The host
    /// registers authentication itself: the `gateway` role above, the `all` role with its node's API.
    /// </summary>
    public static WebApplicationBuilder AddGatewayPolicies(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddGatewayRateLimiting(RateLimitOptions.From(builder.Configuration));
        return builder;
    }

    /// <summary>
    /// The `node` role behind separate gateways: a gateway sees one upgrade request for a whole
    /// WebSocket, so the node counts each operation on it against the same RateLimits windows. Each
    /// node keeps its own windows: with N nodes a tenant's operations may reach N times the limit.
    /// </summary>
    public static WebApplicationBuilder AddOperationRateLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(RateLimitOptions.From(builder.Configuration).ToCallerRateLimits());
        return builder;
    }

    /// <summary>
    /// What the public face does to every request before a node's endpoint sees it: authenticates
    /// the caller, refuses the API without credentials (401) and counts the request against its
    /// tenant and API key (429). The `gateway` role proxies what passes; the `all` role serves it.
    /// </summary>
    public static IApplicationBuilder UseGatewayPolicies(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthenticationFailureLimit();
        app.UseGatewayAuthenticationGate();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapApGridGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseGatewayPolicies();
        app.MapGatewayHealth();
        app.MapReverseProxy();
        return app;
    }
}
