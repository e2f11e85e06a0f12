using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using ApGrid.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApGrid.Server.Tests.Gateway;

/// <summary>
/// The `all` role's hand-over from gateway to node (<see cref="InProcessNodeServer.TryServeAsync"/>),
/// with a small real node and a small real gateway, both on Kestrel, called over real HTTP. The
/// whole API suite runs through the real hand-over as well; these pin what it must keep apart.
/// </summary>
public sealed class InProcessNodeServerTests : IAsyncLifetime
{
    private static readonly AsyncLocal<string?> GatewayLocal = new();
    private static readonly AsyncLocal<string?> NodeLocal = new();

    private readonly ActivityListener tracing = new()
    {
        ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    private WebApplication node = null!;
    private WebApplication gateway = null!;
    private HttpClient client = null!;
    private string? seenByGatewayAfterwards;

    public async Task InitializeAsync()
    {
        ActivitySource.AddActivityListener(tracing);
        node = BuildNode();
        await node.StartAsync();
        gateway = BuildGateway(node.Services.GetRequiredService<InProcessNodeServer>());
        await gateway.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(Address(gateway)) };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await gateway.DisposeAsync();
        await node.DisposeAsync();
        tracing.Dispose();
    }

    [Fact]
    public async Task The_node_answers_on_the_gateways_own_connection_with_the_callers_path_query_and_host()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/where/caf%C3%A9?q=a%26b");
        request.Headers.Host = "apgrid.example";
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("node", Assert.Single(response.Headers.GetValues("X-Answered-By")));
        var seen = await response.Content.ReadFromJsonAsync<NodeView>();
        Assert.NotNull(seen);
        Assert.Equal(new Uri(Address(gateway)).Port, seen.LocalPort);
        Assert.Equal("/where/café", seen.Path);
        Assert.Equal("?q=a%26b", seen.Query);
        Assert.Equal("apgrid.example", seen.Host);

        // No proxy stood between them, so none vouches for the caller's own claim of where it is.
        Assert.Null(seen.ForwardedFor);
    }

    [Fact]
    public async Task What_the_gateway_set_on_its_request_does_not_reach_the_node()
    {
        var seen = await client.GetFromJsonAsync<NodeView>("/where");

        // The gateway signed its caller in, put an item on its context and set an async-local:
        // the node starts from the message alone and judges the caller itself.
        Assert.NotNull(seen);
        Assert.False(seen.Authenticated);
        Assert.Equal(0, seen.Items);
        Assert.Null(seen.GatewayLocal);
    }

    [Fact]
    public async Task What_the_node_sets_in_its_execution_context_does_not_come_back_to_the_gateway()
    {
        using var response = await client.GetAsync(new Uri("/where", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gateway's own value, no node value", seenByGatewayAfterwards);
    }

    [Fact]
    public async Task The_nodes_request_continues_the_gateways_trace()
    {
        using var response = await client.GetAsync(new Uri("/where", UriKind.Relative));

        var seen = await response.Content.ReadFromJsonAsync<NodeView>();
        var gatewayTrace = Assert.Single(response.Headers.GetValues("X-Gateway-Trace"));
        Assert.NotNull(seen);
        Assert.Equal(gatewayTrace, seen.TraceId);
        Assert.NotEqual(gatewayTrace, seen.SpanId);
    }

    [Fact]
    public async Task A_json_body_reaches_a_minimal_api_parameter()
    {
        using var response = await client.PostAsJsonAsync("/orders", new Order("apple", 3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("apple x3", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_large_streamed_answer_arrives_whole()
    {
        var body = await client.GetByteArrayAsync(new Uri("/big", UriKind.Relative));

        Assert.Equal(BigBody.Length, body.Length);
        Assert.Equal(BigBody, body);
    }

    [Fact]
    public async Task A_node_that_throws_before_answering_gives_a_500_and_the_gateway_goes_on_serving()
    {
        using var failed = await client.GetAsync(new Uri("/throws", UriKind.Relative));
        using var next = await client.GetAsync(new Uri("/where", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_stopping_node_finishes_what_it_was_handed_and_refuses_what_comes_after()
    {
        await using var stoppingNode = BuildNode();
        await stoppingNode.StartAsync();
        var server = stoppingNode.Services.GetRequiredService<InProcessNodeServer>();
        await using var itsGateway = BuildGateway(server);
        await itsGateway.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(Address(itsGateway)) };

        var slow = http.GetStringAsync(new Uri("/slow", UriKind.Relative));
        await SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var stopping = server.StopAsync(CancellationToken.None);
        using var refused = await http.GetAsync(new Uri("/where", UriKind.Relative));

        // The request in flight holds the stop back: the silo behind a real node stops only after it.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.False(stopping.IsCompleted);
        SlowGate.TrySetResult();
        Assert.Equal("finished", await slow.WaitAsync(TimeSpan.FromSeconds(10)));
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static readonly TaskCompletionSource SlowStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static readonly TaskCompletionSource SlowGate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static readonly byte[] BigBody = [.. Enumerable.Range(0, 2 * 1024 * 1024).Select(i => (byte)(i * 31 % 251))];

    private static WebApplication BuildNode()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        InProcessNodeServer.Install(builder.Services);
        var app = builder.Build();
        app.MapGet("/where/{**rest}", (HttpContext context) =>
        {
            NodeLocal.Value = "node";
            context.Response.Headers["X-Answered-By"] = "node";
            return new NodeView(
                context.Connection.LocalPort,
                context.Request.Path.Value!,
                context.Request.QueryString.Value!,
                context.Request.Host.Value!,
                context.User.Identity?.IsAuthenticated == true,
                context.Items.Count,
                GatewayLocal.Value,
                Activity.Current?.TraceId.ToString(),
                Activity.Current?.SpanId.ToString(),
                context.Request.Headers["X-Forwarded-For"].FirstOrDefault());
        });
        app.MapGet("/slow", async () =>
        {
            SlowStarted.TrySetResult();
            await SlowGate.Task;
            return "finished";
        });
        app.MapPost("/orders", (Order order) => $"{order.Name} x{order.Count}");
        app.MapGet("/big", async (HttpContext context) =>
        {
            for (var offset = 0; offset < BigBody.Length; offset += 16 * 1024)
            {
                await context.Response.Body.WriteAsync(BigBody.AsMemory(offset, 16 * 1024));
                await context.Response.Body.FlushAsync();
            }
        });
        app.MapGet("/throws", string () => throw new InvalidOperationException("The node failed on purpose."));
        return app;
    }

    private WebApplication BuildGateway(InProcessNodeServer ownNode)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use(async (HttpContext context, RequestDelegate _) =>
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "gateway-user")], "gateway"));
            context.Items["gateway"] = true;
            GatewayLocal.Value = "gateway";
            context.Response.Headers["X-Gateway-Trace"] = Activity.Current?.TraceId.ToString();
            if (!await ownNode.TryServeAsync(context)) context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            seenByGatewayAfterwards = $"{(GatewayLocal.Value == "gateway" ? "gateway's own value" : "gateway's value lost")}, {(NodeLocal.Value is null ? "no node value" : "node value leaked")}";
        });
        return app;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public sealed record Order(string Name, int Count);

    public sealed record NodeView(
        int LocalPort, string Path, string Query, string Host, bool Authenticated, int Items, string? GatewayLocal, string? TraceId, string? SpanId, string? ForwardedFor);
}
