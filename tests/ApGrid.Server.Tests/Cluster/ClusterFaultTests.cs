using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Running;
using Xunit.Abstractions;

namespace ApGrid.Server.Tests.Cluster;

/// <summary>
/// Faults on a real cluster (three nodes, one gateway, PostgreSQL), each under a bounded client load
/// that stops by itself. Each test prints its figures; docs/operations.md records them.
/// </summary>
// Its own PostgreSQL server (PrivatePostgres) even when APGRID_TEST_POSTGRES is set: it stops and restarts the server.
[Trait("Category", "Postgres")]
public sealed class ClusterFaultTests(ThreeNodeCluster cluster, ITestOutputHelper output) : IClassFixture<ThreeNodeCluster>
{
    [Fact]
    public async Task Kill_9_of_a_node_mid_load_loses_no_acknowledged_write_and_membership_goes_three_two_three()
    {
        var load = await PreparedLoadAsync();
        Assert.Equal(3, await cluster.ActiveMembersAsync());

        var clock = Stopwatch.StartNew();
        var running = load.RunAsync(TimeSpan.FromSeconds(16), clock);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var killedAt = clock.Elapsed;
        await cluster.KillAsync(1);
        var two = await WaitForMembersAsync(2, TimeSpan.FromSeconds(30));
        var declaredDeadAfter = clock.Elapsed - killedAt;
        await running;

        var (checkedWrites, missing) = await load.VerifyAsync(cluster.Http);
        await cluster.RestartAsync(1);
        var three = await WaitForMembersAsync(3, TimeSpan.FromSeconds(30));

        var window = load.Failures.Count == 0 ? TimeSpan.Zero : load.Failures.Max() - killedAt;
        output.WriteLine($"kill -9 node: {load.Figures(killedAt)}; error window {window.TotalSeconds:F1} s; " +
            string.Create(CultureInfo.InvariantCulture, $"declared dead after {declaredDeadAfter.TotalSeconds:F1} s; members 3 -> {(two ? 2 : -1)} -> {(three ? 3 : -1)}; {checkedWrites} acknowledged writes checked, {missing.Count} missing"));
        Assert.Empty(missing);
        Assert.True(two && three, "the membership table went 3, 2, 3");
        Assert.True(window < TimeSpan.FromSeconds(10), $"requests failed for {window.TotalSeconds:F1} s");
        Assert.True(load.Acknowledged > 50, $"the load hardly ran: {load.Acknowledged}");
    }

    [Fact]
    public async Task Restarting_postgres_mid_load_loses_no_acknowledged_write_and_the_nodes_recover_by_themselves()
    {
        var load = await PreparedLoadAsync();

        var clock = Stopwatch.StartNew();
        var running = load.RunAsync(TimeSpan.FromSeconds(20), clock);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var restartedAt = clock.Elapsed;
        await cluster.Postgres.RestartAsync(down: TimeSpan.FromSeconds(2));
        await running;

        var (checkedWrites, missing) = await load.VerifyAsync(cluster.Http);
        var tail = load.Failures.Where(f => f > restartedAt + TimeSpan.FromSeconds(12)).ToList();
        output.WriteLine($"PostgreSQL restart: {load.Figures(restartedAt)}; {checkedWrites} acknowledged writes checked, {missing.Count} missing; " +
            $"{tail.Count} failures later than 12 s after the restart began");
        Assert.Empty(missing);
        Assert.Empty(tail);
        Assert.All(cluster.Nodes, n => Assert.False(n.HasExited, "a node died; it must recover by itself"));
        Assert.Equal(3, await cluster.ActiveMembersAsync());
    }

    [Fact]
    public async Task A_change_through_one_node_is_read_and_heard_through_another_at_once()
    {
        var la = await cluster.TokenAsync("902", "LA_OFFICER");
        using var nodeA = new HttpClient { BaseAddress = cluster.Nodes[0].BaseAddress };
        using var nodeB = new HttpClient { BaseAddress = cluster.Nodes[2].BaseAddress };
        var setting = (await PostAsync(nodeB, la, "{ localAuthority { apSettings { urn fullTimePlaces sessions { session places } outreachHoursPerWeek } } }", null))
            .GetProperty("localAuthority").GetProperty("apSettings")[2].Clone();
        var urn = setting.GetProperty("urn").GetString()!;

        using var subscriber = NodeScripts.Start("subscribe.mjs", $"ws://127.0.0.1:{cluster.Nodes[2].HttpPort}/graphql", la,
            "subscription { capacityChanged { urn fullTimePlaces } }", "100", "15000");
        await SubscriberOutput.WaitForAsync(subscriber, "connected");
        await Task.Delay(500);

        for (var round = 1; round <= 5; round++)
        {
            var places = setting.GetProperty("fullTimePlaces").GetInt32() + round;
            var written = await PostAsync(nodeA, la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { fullTimePlaces } }", new
            {
                input = new
                {
                    urn,
                    fullTimePlaces = places,
                    sessions = setting.GetProperty("sessions").EnumerateArray().Select(x => new { session = x.GetProperty("session").GetString(), places = x.GetProperty("places").GetInt32() }),
                    outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
                },
            });
            Assert.Equal(places, written.GetProperty("setApAvailability").GetProperty("fullTimePlaces").GetInt32());

            // One activation in the cluster: the other node reads the new value straight away, from the setting and from the LA's index.
            var read = await PostAsync(nodeB, la, "query($urn: String!) { apSetting(urn: $urn) { fullTimePlaces } apCapacity { setting { urn fullTimePlaces } } }", new { urn });
            Assert.Equal(places, read.GetProperty("apSetting").GetProperty("fullTimePlaces").GetInt32());
            Assert.Equal(places, read.GetProperty("apCapacity").EnumerateArray().Single(m => m.GetProperty("setting").GetProperty("urn").GetString() == urn)
                .GetProperty("setting").GetProperty("fullTimePlaces").GetInt32());

            JsonElement heard;
            do
            {
                heard = (await SubscriberOutput.ReadNextAsync(subscriber))!.Value.GetProperty("value").GetProperty("data").GetProperty("capacityChanged");
            }
            while (heard.GetProperty("urn").GetString() != urn || heard.GetProperty("fullTimePlaces").GetInt32() != places);
        }
    }

    private async Task<WriteLoad> PreparedLoadAsync()
    {
        var la = await cluster.TokenAsync("901", "LA_OFFICER");
        var schools = await PostAsync(cluster.Http, la, "{ localAuthority { schools { urn } } }", null);
        var school = schools.GetProperty("localAuthority").GetProperty("schools")[70].GetProperty("urn").GetString()!;
        var load = new WriteLoad(cluster.Http, la);
        await load.PrepareAsync(await cluster.TokenAsync("901", "SCHOOL_STAFF", school), school, referralCount: 40);
        Assert.True(load.Prepared >= 30, $"only {load.Prepared} referrals were approved for the load; last error: {load.LastError}");
        return load;
    }

    private async Task<bool> WaitForMembersAsync(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await cluster.ActiveMembersAsync() == count) return true;
            await Task.Delay(250);
        }

        return false;
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string token, string query, object? variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("errors", out var errors)) throw new InvalidOperationException(errors.GetRawText());
        return body.GetProperty("data").Clone();
    }
}
