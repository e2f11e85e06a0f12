using System.Diagnostics;
using System.Text.Json;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Api;

/// <summary>Subscriptions through the graphql-ws npm client over a real WebSocket.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class SubscriptionTests(RunningServerFixture server)
{
    private const string SetAvailability = """
        mutation($urn: String!, $places: Int!) {
          setApAvailability(input: { urn: $urn, fullTimePlaces: $places, sessions: [
              { session: MON_AM, places: 9 }, { session: MON_PM, places: 9 }, { session: TUE_AM, places: 9 }, { session: TUE_PM, places: 9 },
              { session: WED_AM, places: 9 }, { session: WED_PM, places: 9 }, { session: THU_AM, places: 9 }, { session: THU_PM, places: 9 },
              { session: FRI_AM, places: 9 }, { session: FRI_PM, places: 9 }], outreachHoursPerWeek: 40 }) { fullTimePlaces }
        }
        """;

    [Fact]
    public async Task A_capacity_change_from_another_connection_arrives_within_a_second()
    {
        var urn = (await server.ApSettingUrnsAsync("902"))[4];
        var partner = await server.TokenAsync("902", "PARTNER");
        var la = await server.TokenAsync("902", "LA_OFFICER");
        using var subscriber = NodeScripts.Start("subscribe.mjs", server.WebSocketUri.ToString(), partner,
            "subscription { capacityChanged { urn fullTimePlaces fullTimePlacesFree } }", "1", "30000");
        await SubscriberOutput.WaitForAsync(subscriber, "connected");

        // The subscription is registered a moment after the ack, so keep changing until one arrives.
        Task<JsonElement?> next = SubscriberOutput.ReadNextAsync(subscriber);
        long ackedAt = 0;
        for (var places = 50; places < 70 && !next.IsCompleted; places++)
        {
            var result = await server.PostAsync(la, SetAvailability, new { urn, places });
            Assert.False(result.HasErrors, result.Body);
            ackedAt = Stopwatch.GetTimestamp();
            await Task.WhenAny(next, Task.Delay(1500));
        }

        var message = await next;
        var latency = Stopwatch.GetElapsedTime(ackedAt);
        Assert.NotNull(message);
        var setting = message.Value.GetProperty("value").GetProperty("data").GetProperty("capacityChanged");
        Assert.Equal(urn, setting.GetProperty("urn").GetString());
        Assert.True(latency < TimeSpan.FromSeconds(1), $"arrived {latency.TotalMilliseconds} ms after the acknowledgement");
        Console.WriteLine($"capacityChanged arrived {latency.TotalMilliseconds:F0} ms after the mutation was acknowledged");
    }

    [Fact]
    public async Task A_client_reconnecting_with_its_cursor_gets_exactly_what_it_missed()
    {
        var urns = await server.ApSettingUrnsAsync("901");
        var la = await server.TokenAsync("901", "LA_OFFICER");
        const string changes = "subscription($after: String) { changes(kinds: [CAPACITY], after: $after) { cursor kind subjectId } }";

        // First connection: see one live change and remember its cursor.
        string lastCursor;
        using (var first = NodeScripts.Start("subscribe.mjs", server.WebSocketUri.ToString(), la, changes, "1", "30000"))
        {
            await SubscriberOutput.WaitForAsync(first, "connected");
            var next = SubscriberOutput.ReadNextAsync(first);
            for (var i = 0; i < 20 && !next.IsCompleted; i++)
            {
                await server.PostAsync(la, SetAvailability, new { urn = urns[5], places = 50 + i });
                await Task.WhenAny(next, Task.Delay(1000));
            }

            lastCursor = (await next)!.Value.GetProperty("value").GetProperty("data").GetProperty("changes").GetProperty("cursor").GetString()!;
        }

        // While disconnected: five changes it must get, in order, once each.
        var missed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var result = await server.PostAsync(la, SetAvailability, new { urn = urns[6 + (i % 2)], places = 50 + i });
            Assert.False(result.HasErrors, result.Body);
            missed.Add(urns[6 + (i % 2)]);
        }

        using var second = NodeScripts.Start("subscribe.mjs", server.WebSocketUri.ToString(), la, changes, "5", "20000",
            JsonSerializer.Serialize(new { after = lastCursor }));
        var received = new List<JsonElement>();
        for (var i = 0; i < 5; i++)
        {
            var message = await SubscriberOutput.ReadNextAsync(second) ?? throw new InvalidOperationException("the replay stopped early");
            received.Add(message.GetProperty("value").GetProperty("data").GetProperty("changes"));
        }

        var cursors = received.Select(r => long.Parse(r.GetProperty("cursor").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var start = long.Parse(lastCursor, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => start + i), cursors);
        Assert.Equal(missed, received.Select(r => r.GetProperty("subjectId").GetString()));
    }
}
