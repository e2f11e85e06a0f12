using System.Net.WebSockets;
using ApGrid.Api.Auth;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>Accepts WebSockets on /graphql that speak the graphql-transport-ws subprotocol.</summary>
public static class GraphQLWebSocketEndpoint
{
    public const string SubProtocol = "graphql-transport-ws";

    /// <summary>Runs before the HTTP endpoint so that an upgrade request never reaches it.</summary>
    public static IApplicationBuilder UseGraphQLWebSockets(this IApplicationBuilder app, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            if (!context.WebSockets.IsWebSocketRequest || context.Request.Path != path)
            {
                await next(context);
                return;
            }

            if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync($"Use the {SubProtocol} subprotocol.");
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync(SubProtocol);
            var services = context.RequestServices;
            using var connection = new GraphQLWebSocketConnection(
                socket,
                services.GetRequiredService<global::GraphQL.IGraphQLTextSerializer>(),
                services.GetRequiredService<GraphQLRequestExecutor>(),
                services.GetRequiredService<WebSocketTokenValidator>(),
                services.GetRequiredService<GraphQLWebSocketOptions>(),
                services,
                services.GetRequiredService<ILogger<GraphQLWebSocketConnection>>(),
                // The board's socket carries no token: the upgrade request's session cookie is its credential.
                context.User.HasClaim(c => c.Type == BoardSession.CsrfClaim) ? context.User : null,
                context.Connection.RemoteIpAddress);
            await connection.RunAsync(context.RequestAborted);
        });
    }
}
