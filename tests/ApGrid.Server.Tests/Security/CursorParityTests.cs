using System.Net.WebSockets;
using System.Text.Json;
using ApGrid.Domain;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Rest;
using static ApGrid.Server.Tests.Running.WsFrames;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// Cursor parity (issue 29, leak 4): what a caller who sees part of the change feed gets back (pages,
/// cursors, hasMore, nextCursor) is the same whatever entries they may not see came between, and
/// however many: over REST polling and the GraphQL subscription's after.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class CursorParityTests(RunningServerFixture server)
{
    [Fact]
    public async Task A_partner_polls_the_same_pages_and_cursors_whatever_hidden_entries_came_between()
    {
        var world = new PlacementWorld(server, "901");
        var la = await world.LaAsync();
        var partner = await server.TokenAsync("901", "PARTNER");
        var urns = await server.ApSettingUrnsAsync("901");
        var school = (await world.SchoolUrnsAsync())[0];
        var start = await LatestCursorAsync(partner);

        await ChangeCapacityAsync(la, urns[8]);
        var laBefore = await LatestCursorAsync(la);
        await world.ReferAsync(await world.RegisterPupilAsync(school, yearGroup: 8), school);
        await ChangeCapacityAsync(la, urns[9]);
        var laAfter = await LatestCursorAsync(la);

        var whole = await server.GetAsync(partner, $"/api/v1/changes?after={start}&limit=500");
        var first = await server.GetAsync(partner, $"/api/v1/changes?after={start}&limit=1");

        // More entries the partner may not see, after theirs: nothing they get back may move.
        await world.ReferAsync(await world.RegisterPupilAsync(school, yearGroup: 9), school);
        Assert.Equal(whole.Body, (await server.GetAsync(partner, $"/api/v1/changes?after={start}&limit=500")).Body);
        Assert.Equal(first.Body, (await server.GetAsync(partner, $"/api/v1/changes?after={start}&limit=1")).Body);

        var entries = whole.Json.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([urns[8], urns[9]], entries.Select(e => e.GetProperty("subjectId").GetString()));
        Assert.False(whole.Json.GetProperty("hasMore").GetBoolean());
        Assert.Equal(entries[^1].GetProperty("cursor").GetString(), whole.Json.GetProperty("nextCursor").GetString());
        Assert.True(first.Json.GetProperty("hasMore").GetBoolean());
        Assert.Equal(entries[0].GetProperty("cursor").GetString(), first.Json.GetProperty("nextCursor").GetString());

        // The cursors are not the sequence numbers, whose gap would count the hidden entries.
        var cursors = entries.Select(e => e.GetProperty("cursor").GetString()!).ToList();
        Assert.All(cursors, c => Assert.False(c.All(char.IsAsciiDigit), c));
        Assert.DoesNotContain(laBefore, cursors);
        Assert.DoesNotContain(laAfter, cursors);

        // Resuming from a cursor gives what came after it.
        var rest = await server.GetAsync(partner, $"/api/v1/changes?after={cursors[0]}&limit=500");
        Assert.Equal([urns[9]], rest.Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("subjectId").GetString()));
    }

    [Fact]
    public async Task A_partner_may_not_poll_from_a_sequence_number_or_a_cursor_made_for_someone_else()
    {
        var partner = await server.TokenAsync("901", "PARTNER");
        var ap = await server.TokenAsync("901", "AP_STAFF", (await server.ApSettingUrnsAsync("901"))[3]);
        var apCursor = await LatestCursorAsync(ap);

        // A number would let them search the feed for where their entries sit, and so count the rest.
        var plain = await server.GetAsync(partner, "/api/v1/changes?after=000000000001");
        var others = await server.GetAsync(partner, $"/api/v1/changes?after={apCursor}");

        Assert.Equal((400, "after"), (plain.Status, plain.ProblemField));
        Assert.Equal((400, "after"), (others.Status, others.ProblemField));
        Assert.Equal(200, (await server.GetAsync(ap, $"/api/v1/changes?after={apCursor}")).Status);
    }

    [Fact]
    public async Task The_subscription_gives_a_partner_the_cursors_of_their_polls_and_refuses_a_sequence_number()
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var partner = await server.TokenAsync("901", "PARTNER");
        var urns = await server.ApSettingUrnsAsync("901");
        var start = await LatestCursorAsync(partner);
        await ChangeCapacityAsync(la, urns[10]);
        var polled = (await server.GetAsync(partner, $"/api/v1/changes?after={start}&limit=500")).Json.GetProperty("entries")[0].GetProperty("cursor").GetString();

        using var socket = await ConnectAsync(partner);
        await SendAsync(socket, new { id = "feed", type = "subscribe", payload = new { query = "subscription($after: String) { changes(after: $after) { cursor subjectId } }", variables = new { after = start } } });
        var replayed = (await NextAsync(socket)).GetProperty("payload").GetProperty("data").GetProperty("changes");
        await SendAsync(socket, new { id = "plain", type = "subscribe", payload = new { query = "subscription { changes(after: \"000000000001\") { cursor } }" } });
        var refused = await NextAsync(socket);

        Assert.Equal(urns[10], replayed.GetProperty("subjectId").GetString());
        Assert.Equal(polled, replayed.GetProperty("cursor").GetString());
        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal("after", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("field").GetString());
    }

    /// <summary>Moves the setting's full-time offer, which partners see exactly; its sessions stay as they are (other tests of the shared server may have filled them).</summary>
    private async Task ChangeCapacityAsync(string la, string urn)
    {
        var setting = await new PlacementWorld(server, "901").SettingAsync(urn);
        var places = setting.GetProperty("fullTimePlaces").GetInt32();
        var result = await server.PostAsync(la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { fullTimePlaces } }", new
        {
            input = new
            {
                urn,
                fullTimePlaces = places < CapacityRules.MaxPlaces ? places + 1 : places - 1,
                sessions = setting.GetProperty("sessions").EnumerateArray().Select(x => new { session = x.GetProperty("session").GetString(), places = x.GetProperty("places").GetInt32() }),
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
            },
        });
        Assert.False(result.HasErrors, result.Body);
    }

    private Task<ClientWebSocket> ConnectAsync(string token) => AcknowledgedAsync(server.WebSocketUri, token);

    private static async Task<JsonElement> NextAsync(ClientWebSocket socket)
    {
        JsonElement message;
        do message = await ReceiveAsync(socket);
        while (message.GetProperty("type").GetString() == "ping");
        return message;
    }

    private async Task<string> LatestCursorAsync(string token)
    {
        string? after = null;
        while (true)
        {
            var response = await server.GetAsync(token, after is null ? "/api/v1/changes?limit=500" : $"/api/v1/changes?limit=500&after={after}");
            Assert.Equal(200, response.Status);
            after = response.Json.GetProperty("nextCursor").GetString();
            if (!response.Json.GetProperty("hasMore").GetBoolean()) return after!;
        }
    }
}
