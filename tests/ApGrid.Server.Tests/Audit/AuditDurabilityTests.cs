using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Rest;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Audit;

/// <summary>The audit trail is in real storage: it outlives the process, sealed pages and open page alike.</summary>
public sealed class AuditDurabilityTests : IDisposable
{
    /// <summary>More reads than one page of the trail holds, so at least one page is sealed into its own grain.</summary>
    private const int Reads = 150;

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-audit-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Audit_entries_survive_a_killed_process_and_page_in_order_afterwards()
    {
        string pupilId;
        List<string> before;
        await using (var first = new ServerProcess(dataDirectory))
        {
            first.Start();
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            using var http = new HttpClient { BaseAddress = first.BaseAddress };
            var la = await TokenAsync(http);
            pupilId = await DemoPupilAsync(http, la);
            for (var i = 0; i < Reads; i++)
            {
                using var response = await PostGraphQLAsync(http, la, "query($id: ID!) { pupil(id: $id) { initials } }", new { id = pupilId });
                response.EnsureSuccessStatusCode();
            }

            before = await AllCursorsAsync(http, la, pupilId);

            // Straight after the last acknowledged read, with no chance to shut down cleanly.
            await first.KillAsync();
        }

        await using var second = new ServerProcess(dataDirectory);
        second.Start();
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using var client = new HttpClient { BaseAddress = second.BaseAddress };
        var after = await AllCursorsAsync(client, await TokenAsync(client), pupilId);

        Assert.True(before.Count >= Reads, $"{before.Count} entries before the restart");
        Assert.Equal(before, after);
        Assert.Equal(after.Order(StringComparer.Ordinal), after);
    }

    public void Dispose()
    {
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    private static async Task<List<string>> AllCursorsAsync(HttpClient http, string token, string pupilId)
    {
        var cursors = new List<string>();
        var after = "0";
        for (var hasMore = true; hasMore;)
        {
            var page = await http.SendRestAsync(HttpMethod.Get, token, $"/api/v1/audit?pupilId={pupilId}&after={after}&limit=40", null);
            Assert.Equal(200, page.Status);
            cursors.AddRange(page.Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("cursor").GetString()!));
            after = page.Json.GetProperty("nextCursor").GetString()!;
            hasMore = page.Json.GetProperty("hasMore").GetBoolean();
        }

        return cursors;
    }

    private static async Task<string> TokenAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/dev/token", new { tenant = "901", role = "LA_OFFICER", urn = (string?)null });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static async Task<string> DemoPupilAsync(HttpClient http, string token)
    {
        using var response = await PostGraphQLAsync(http, token, "{ localAuthority { schools { pupils { id } } } }", null);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("data").GetProperty("localAuthority").GetProperty("schools").EnumerateArray()
            .SelectMany(s => s.GetProperty("pupils").EnumerateArray()).First().GetProperty("id").GetString()!;
    }

    private static async Task<HttpResponseMessage> PostGraphQLAsync(HttpClient http, string token, string query, object? variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }
}
