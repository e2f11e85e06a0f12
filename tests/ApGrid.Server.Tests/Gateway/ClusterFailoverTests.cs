using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ApGrid.Server.Tests.Gateway;

/// <summary>Kill -9 one of two nodes behind the gateway while clients write and subscribe.</summary>
[Trait("Category", "Postgres")]
public sealed class ClusterFailoverTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private const string Changes = "subscription($after: String) { changes(after: $after) { cursor kind subjectId } }";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Killing_a_node_leaves_requests_to_the_other_within_seconds_and_subscribers_resume_without_gaps()
    {
        var la = await cluster.TokenAsync("901", "LA_OFFICER");
        var urns = await ApSettingUrnsAsync(la);
        var marker = urns[^1];

        // Two long-lived sockets: the gateway balances by open requests, so they land on different nodes.
        using var first = SubscriberProcess.Start(cluster.WebSocketUri, la, Changes, 0, marker, TimeSpan.FromSeconds(120));
        await first.WaitForAsync(e => e.Any(x => SubscriberProcess.Is(x, "connected")), TimeSpan.FromSeconds(20));
        using var second = SubscriberProcess.Start(cluster.WebSocketUri, la, Changes, 0, marker, TimeSpan.FromSeconds(120));
        await second.WaitForAsync(e => e.Any(x => SubscriberProcess.Is(x, "connected")), TimeSpan.FromSeconds(20));

        // Subscriptions register a moment after the ack: write until both have seen something.
        for (var i = 0; i < 40 && (first.Changes.Count == 0 || second.Changes.Count == 0); i++)
        {
            await SetAvailabilityAsync(la, urns[0], 20 + (i % 5));
            await Task.Delay(250);
        }

        Assert.True(first.Changes.Count > 0 && second.Changes.Count > 0, "both subscribers see live changes before the kill");

        // Write (and read) continuously; kill node A three seconds in; go on for 12 s after.
        var outcomes = new List<(TimeSpan At, bool Ok, string What)>();
        var clock = Stopwatch.StartNew();
        TimeSpan killedAt = default;
        var killed = false;
        for (var i = 0; clock.Elapsed < TimeSpan.FromSeconds(15); i++)
        {
            if (!killed && clock.Elapsed > TimeSpan.FromSeconds(3))
            {
                await cluster.NodeA.KillAsync();
                killedAt = clock.Elapsed;
                killed = true;
            }

            var at = clock.Elapsed;
            var (ok, what) = await TryAsync(() => SetAvailabilityAsync(la, urns[1 + (i % 4)], 20 + (i % 7)));
            outcomes.Add((at, ok, what));
            await Task.Delay(100);
        }

        // The marker ends both subscriptions once they have everything up to it.
        for (var attempt = 0; !(await TryAsync(() => SetAvailabilityAsync(la, marker, 11))).Ok; attempt++)
        {
            Assert.True(attempt < 20, "the marker write never succeeded");
            await Task.Delay(250);
        }

        await Task.WhenAll(first.WaitForExitAsync(TimeSpan.FromSeconds(60)), second.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        var failures = outcomes.Where(o => !o.Ok).ToList();
        var lastFailure = failures.Count == 0 ? killedAt : failures.Max(f => f.At);
        var window = lastFailure - killedAt;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"failover: {outcomes.Count} writes, {failures.Count} failed, error window {window.TotalSeconds:F2} s after the kill" +
            $" (first failure at +{(failures.Count == 0 ? 0 : (failures[0].At - killedAt).TotalSeconds):F2} s); failures: {string.Join(", ", failures.Select(f => f.What).Distinct())}"));
        Assert.True(window < Limit, $"requests failed until {window.TotalSeconds:F1} s after the kill");
        Assert.All(outcomes.Where(o => o.At >= killedAt + Limit), o => Assert.True(o.Ok, o.What));

        foreach (var (name, subscriber) in new[] { ("first", first), ("second", second) })
        {
            var cursors = subscriber.Changes.Select(c => long.Parse(c.GetProperty("changes").GetProperty("cursor").GetString()!, CultureInfo.InvariantCulture)).ToList();
            Console.WriteLine($"{name} subscriber: {subscriber.Connections} connection(s), {cursors.Count} changes, cursors {cursors[0]}..{cursors[^1]}; "
                + string.Join(" ", subscriber.Events.Where(e => !SubscriberProcess.Is(e, "next")).Select(Describe)));
            Assert.Equal(Enumerable.Range(0, cursors.Count).Select(i => cursors[0] + i), cursors);
            Assert.Equal(marker, subscriber.Changes[^1].GetProperty("changes").GetProperty("subjectId").GetString());
        }

        Assert.True(first.Connections + second.Connections >= 3, "the subscriber on the killed node reconnected");
        Assert.Equal(first.Changes[^1].GetProperty("changes").GetProperty("cursor").GetString(), second.Changes[^1].GetProperty("changes").GetProperty("cursor").GetString());
    }

    private static string Describe(JsonElement e)
    {
        var text = e.GetProperty("event").GetString() + (e.TryGetProperty("reason", out var reason) ? $"({reason.GetString()})" : "");
        return text.Length > 60 ? text[..60] + "…)" : text;
    }

    private async Task<IReadOnlyList<string>> ApSettingUrnsAsync(string token)
    {
        var body = await PostAsync(token, "{ localAuthority { apSettings { urn } } }", null);
        return [.. body.GetProperty("data").GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray().Select(s => s.GetProperty("urn").GetString()!)];
    }

    private async Task SetAvailabilityAsync(string token, string urn, int places)
    {
        var body = await PostAsync(token, GatewayQueries.SetAvailability, new { urn, places });
        if (body.TryGetProperty("errors", out var errors)) throw new HttpRequestException(errors.GetRawText());
    }

    private async Task<JsonElement> PostAsync(string token, string query, object? variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await cluster.Http.SendAsync(request);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<(bool Ok, string What)> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return (true, "ok");
        }
        catch (HttpRequestException ex)
        {
            return (false, ex.Message.Length > 120 ? ex.Message[..120] : ex.Message);
        }
        catch (TaskCanceledException)
        {
            return (false, "timeout");
        }
    }
}
