using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Domain;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Running;
using Microsoft.Data.Sqlite;

namespace ApGrid.Server.Tests.Webhooks;

/// <summary>
/// Webhooks through a real process on SQLite and a real receiver on loopback: every change once,
/// in feed order, across a receiver outage and a kill -9 with a restart; a permanently failing
/// endpoint is disabled and listed with its last error, and resumes when enabled again.
/// </summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Tenant = "901";
    private const string SigningKey = "webhook-tests-signing-key-0123456789-0123456789-ab";
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-webhooks-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> settings = new()
    {
        ["Auth:SigningKey"] = SigningKey,
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:SweepPeriod"] = "00:00:02",
    };

    private ServerProcess server = null!;
    private HttpClient http = null!;

    public WebhookDeliveryTests()
    {
        // Eight attempts a second apart: an outage of a few seconds is ridden out, a broken endpoint is disabled within about ten.
        for (var i = 0; i < 7; i++) settings[$"Webhooks:Backoff:{i}"] = "00:00:01";
    }

    public async Task InitializeAsync()
    {
        server = new ServerProcess(dataDirectory, settings);
        server.Start();
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Every_change_arrives_once_in_order_signed_across_an_outage_and_a_kill_and_a_broken_endpoint_is_disabled_then_resumes()
    {
        await using var receiver = new WebhookReceiver();
        var la = await TokenAsync("LA_OFFICER");
        var good = await RegisterAsync(la, receiver.Url("partner"), "CAPACITY", "REFERRAL");
        var broken = await RegisterAsync(la, receiver.Url("broken"), "CAPACITY");
        receiver.Secrets["partner"] = good.GetProperty("secret").GetString()!;
        receiver.Secrets["broken"] = broken.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", receiver.Secrets["partner"], StringComparison.Ordinal);
        var from = good.GetProperty("cursor").GetString()!;

        // A pupil's referral (names and values must not leave), then capacity changes, all delivered.
        var urn = await SettingUrnAsync(la);
        var referralId = await ReferAsync(la);
        for (var i = 0; i < 3; i++) await ChangeCapacityAsync(la, urn);
        await WaitAsync(() => receiver.Accepted.Count(a => a.Path == "partner") >= 4, "the first four changes");

        // The receiver goes down; two more changes wait and are retried; then the process is killed.
        receiver.Failing = true;
        await ChangeCapacityAsync(la, urn);
        await ChangeCapacityAsync(la, urn);
        await WaitAsync(async () => (await WebhookAsync(la, "partner")).GetProperty("failedAttempts").GetInt32() >= 2, "retries during the outage");
        var duringOutage = await WebhookAsync(la, "partner");
        Assert.StartsWith("HTTP 503", duringOutage.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.True(duringOutage.GetProperty("enabled").GetBoolean());
        await server.KillAsync();

        // Back up, with the receiver healed: the reminder resumes delivery without any new change.
        receiver.Failing = false;
        server = new ServerProcess(dataDirectory, settings);
        server.Start();
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        http.Dispose();
        http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        la = await TokenAsync("LA_OFFICER");
        await WaitAsync(() => receiver.Accepted.Count(a => a.Path == "partner") >= 6, "the changes held back by the outage, after the restart");
        await ChangeCapacityAsync(la, urn);
        await WaitAsync(() => receiver.Accepted.Count(a => a.Path == "partner") >= 7, "a change after the restart");

        // Exactly the feed's entries of those kinds, each once, in cursor order, with verified signatures.
        Assert.Empty(receiver.Refused);
        var feed = (await FeedAsync(la, from)).Where(e => e.GetProperty("kind").GetString() is "CAPACITY" or "REFERRAL").ToList();
        var received = receiver.Accepted.Where(a => a.Path == "partner").ToList();
        var payloads = received.Select(a => JsonDocument.Parse(a.Body).RootElement).ToList();
        static string Of(JsonElement e) => $"{e.GetProperty("kind").GetString()} {e.GetProperty("subjectId").GetString()} {e.GetProperty("at").GetString()}";
        Assert.Equal(feed.Select(Of), payloads.Select(p => Of(p.GetProperty("data"))));

        // Ids repeat on a retry but are not positions: a receiver of some kinds cannot count the others between two messages.
        Assert.Equal(received.Count, received.Select(a => a.Id).Distinct().Count());
        Assert.All(received, a => Assert.Matches("^msg_[A-Za-z0-9_-]{22}$", a.Id));
        Assert.Equal(received.Select(a => a.Id), payloads.Select(p => p.GetProperty("data").GetProperty("cursor").GetString()));
        Assert.DoesNotContain(feed, e => received.Any(a => a.Id.EndsWith("_" + long.Parse(e.GetProperty("cursor").GetString()!, CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        // The standard payload shape; the referral goes to the partner with field names and no values.
        // (The kill may leave the pupil's outbox to tell the feed twice: the feed is at least once too, and the webhook follows it.)
        var referrals = payloads.Where(p => p.GetProperty("data").GetProperty("subjectId").GetString() == referralId).ToList();
        Assert.All(referrals, r => Assert.Equal("referral.submitted", r.GetProperty("type").GetString()));
        var referral = referrals[0];
        Assert.NotEmpty(referral.GetProperty("data").GetProperty("fields").EnumerateArray());
        Assert.All(referral.GetProperty("data").GetProperty("fields").EnumerateArray(), f =>
            Assert.True(f.GetProperty("from").ValueKind == JsonValueKind.Null && f.GetProperty("to").ValueKind == JsonValueKind.Null));
        Assert.DoesNotContain("TW", referral.GetRawText(), StringComparison.Ordinal);
        var capacity = payloads.First(p => p.GetProperty("type").GetString() == "capacity.changed");
        Assert.Contains(capacity.GetProperty("data").GetProperty("fields").EnumerateArray(), f => f.GetProperty("to").ValueKind == JsonValueKind.String);

        // The broken endpoint: every attempt at its first change failed, so it is disabled and listed with its last error.
        await WaitAsync(async () => !(await WebhookAsync(la, "broken")).GetProperty("enabled").GetBoolean(), "the broken endpoint to be disabled");
        var disabled = await WebhookAsync(la, "broken");
        Assert.StartsWith("HTTP 500", disabled.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var attempts = disabled.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 8).Reverse(), attempts.Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.Single(attempts.Select(a => a.GetProperty("messageId").GetString()).Distinct());
        Assert.All(attempts, a => Assert.Equal(500, a.GetProperty("statusCode").GetInt32()));

        // Enabled again, it starts at the change it failed on (still answered 500 on /broken, so it fails once more).
        var tried = receiver.Attempts;
        var enabled = await server.PostAsync(http, la, "mutation($id: ID!) { enableWebhook(id: $id) { enabled failedAttempts } }", new { id = disabled.GetProperty("id").GetString() });
        Assert.False(enabled.HasErrors, enabled.Body);
        Assert.True(enabled.Data.GetProperty("enableWebhook").GetProperty("enabled").GetBoolean());
        await WaitAsync(() => receiver.Attempts > tried, "an attempt after enabling");
    }

    private async Task<string> TokenAsync(string role, string? urn = null)
    {
        using var response = await http.PostAsJsonAsync("/dev/token", new { tenant = Tenant, role, urn });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private async Task<JsonElement> RegisterAsync(string la, string url, params string[] kinds)
    {
        var response = await server.PostAsync(http, la, """
            mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id url secret cursor enabled kinds } }
            """, new { input = new { url, kinds, description = "Test partner" } });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("registerWebhook").Clone();
    }

    private async Task<JsonElement> WebhookAsync(string la, string path)
    {
        var response = await server.PostAsync(http, la,
            "{ webhooks { id url enabled failedAttempts lastError lastErrorAt secret deliveries { messageId attempt statusCode succeeded error } } }");
        Assert.False(response.HasErrors, response.Body);
        var matching = response.Data.GetProperty("webhooks").EnumerateArray().Where(w => w.GetProperty("url").GetString()!.EndsWith("/" + path, StringComparison.Ordinal)).ToList();
        Assert.True(matching.Count == 1, response.Body);
        var webhook = matching[0];
        Assert.Equal(JsonValueKind.Null, webhook.GetProperty("secret").ValueKind);
        return webhook.Clone();
    }

    private async Task<string> SettingUrnAsync(string la)
    {
        var response = await server.PostAsync(http, la, "{ apCapacity { setting { urn } } }");
        return response.Data.GetProperty("apCapacity")[0].GetProperty("setting").GetProperty("urn").GetString()!;
    }

    private async Task ChangeCapacityAsync(string la, string urn)
    {
        var read = await server.PostAsync(http, la, "query($urn: String!) { apSetting(urn: $urn) { fullTimePlaces sessions { session places } outreachHoursPerWeek } }", new { urn });
        var setting = read.Data.GetProperty("apSetting");
        var response = await server.PostAsync(http, la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
        {
            input = new
            {
                urn,
                fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32(),
                sessions = setting.GetProperty("sessions").EnumerateArray().Select(s => new { session = s.GetProperty("session").GetString(), places = s.GetProperty("places").GetInt32() }).ToArray(),
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble() + 0.5,
            },
        });
        Assert.False(response.HasErrors, response.Body);
    }

    private async Task<string> ReferAsync(string la)
    {
        var schools = await server.PostAsync(http, la, "{ localAuthority { schools { urn } } }");
        var schoolUrn = schools.Data.GetProperty("localAuthority").GetProperty("schools")[0].GetProperty("urn").GetString()!;
        var school = await TokenAsync("SCHOOL_STAFF", schoolUrn);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var last12 = Tenant + "9" + "777" + "24" + "001";
        var registered = await server.PostAsync(http, school, "mutation($input: RegisterPupilInput!) { registerPupil(input: $input) { id } }", new
        {
            input = new
            {
                upn = Upn.CheckLetterFor(last12) + last12,
                initials = "TW",
                dateOfBirth = SchoolYear.AcademicYearStart(today).AddYears(-13).AddDays(100).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                yearGroup = 8,
                homeSchoolUrn = schoolUrn,
                senProvision = "SEN_SUPPORT",
                primaryNeed = "SEMH",
                lookedAfter = false,
            },
        });
        Assert.False(registered.HasErrors, registered.Body);
        var submitted = await server.PostAsync(http, school, """
            mutation($id: ID!) { submitReferral(input: { pupilId: $id, reason: "Escalating distress", strategiesTried: ["Pastoral support plan"] }) { id } }
            """, new { id = registered.Data.GetProperty("registerPupil").GetProperty("id").GetString() });
        Assert.False(submitted.HasErrors, submitted.Body);
        return submitted.Data.GetProperty("submitReferral").GetProperty("id").GetString()!;
    }

    private async Task<List<JsonElement>> FeedAsync(string la, string after)
    {
        var all = new List<JsonElement>();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/changes?after={after}&limit=500");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", la);
            using var response = await http.SendAsync(request);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            all.AddRange(page.GetProperty("entries").EnumerateArray());
            after = page.GetProperty("nextCursor").GetString()!;
            if (!page.GetProperty("hasMore").GetBoolean()) return all;
        }
    }

    private static Task WaitAsync(Func<bool> done, string what) => WaitAsync(() => Task.FromResult(done()), what);

    private static async Task WaitAsync(Func<Task<bool>> done, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("Waited a minute for " + what + ".");
            await Task.Delay(250);
        }
    }
}

internal static class ServerProcessCalls
{
    public static async Task<GraphQLResponse> PostAsync(this ServerProcess server, HttpClient http, string token, string query, object? variables = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), body);
    }
}
