using System.Diagnostics;
using System.Net;

namespace ApGrid.Server.Tests.Api;

/// <summary>What operators use: the Orleans dashboard on a `node` role's own port only, and the container health probe.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class OperationsTests(RunningServerFixture server)
{
    [Fact]
    public async Task The_dashboard_is_served_on_the_node_port_and_never_on_the_public_one()
    {
        // Both have Operations:Dashboard:Enabled; the `all` role has no private port to serve it on.
        using var node = new HttpClient { BaseAddress = (await server.NodeAsync()).BaseAddress };
        using var onNode = await node.GetAsync(new Uri("/ops/dashboard", UriKind.Relative));
        using var throughGateway = await server.Http.GetAsync(new Uri("/ops/dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, onNode.StatusCode);
        Assert.Contains("text/html", onNode.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, throughGateway.StatusCode);
    }

    [Theory]
    [InlineData("/health/live", 0)]
    [InlineData("/no-such-endpoint", 1)]
    public async Task The_probe_command_exits_0_only_for_a_healthy_answer(string path, int expected)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ApGrid.Server.dll"));
        info.ArgumentList.Add("--probe");
        info.ArgumentList.Add(new Uri(server.BaseAddress, path).ToString());
        using var probe = Process.Start(info)!;
        await probe.WaitForExitAsync();

        Assert.Equal(expected, probe.ExitCode);
    }
}
