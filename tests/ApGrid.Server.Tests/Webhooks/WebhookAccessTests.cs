using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Webhooks;

/// <summary>Who may manage webhooks, what may be registered, and where deliveries may not go.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class WebhookAccessTests(RunningServerFixture server)
{
    private const string Register = """
        mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id url secret kinds } }
        """;

    [Theory]
    [InlineData("SCHOOL_STAFF", true)]
    [InlineData("AP_STAFF", true)]
    [InlineData("SPECIAL_SCHOOL_STAFF", true)]
    [InlineData("PARTNER", false)]
    public async Task Only_LA_officers_register_list_delete_or_enable_webhooks(string role, bool needsUrn)
    {
        var urn = needsUrn ? (await server.ApSettingUrnsAsync("901"))[0] : null;
        var token = await server.TokenAsync("901", role, urn);

        var registered = await server.PostAsync(token, Register, new { input = new { url = "https://partner.example/hooks", kinds = new[] { "CAPACITY" } } });
        var listed = await server.PostAsync(token, "{ webhooks { id } }");
        var deleted = await server.PostAsync(token, "mutation { deleteWebhook(id: \"wh1\") { id } }");
        var enabled = await server.PostAsync(token, "mutation { enableWebhook(id: \"wh1\") { id } }");

        Assert.All(new[] { registered, listed, deleted, enabled }, r => Assert.Equal("FORBIDDEN", r.FirstErrorCode));
    }

    [Fact]
    public async Task A_webhook_is_its_LA_s_alone_and_its_secret_is_shown_once()
    {
        var la901 = await server.TokenAsync("901", "LA_OFFICER");
        var la902 = await server.TokenAsync("902", "LA_OFFICER");
        var url = "https://partner.example/hooks/" + Guid.NewGuid().ToString("N");

        var registered = await server.PostAsync(la901, Register, new { input = new { url, kinds = new[] { "CAPACITY", "PLACEMENT" } } });
        Assert.False(registered.HasErrors, registered.Body);
        var webhook = registered.Data.GetProperty("registerWebhook");
        Assert.StartsWith("whsec_", webhook.GetProperty("secret").GetString(), StringComparison.Ordinal);
        var id = webhook.GetProperty("id").GetString();

        var own = await server.PostAsync(la901, "{ webhooks { id url secret } }");
        var other = await server.PostAsync(la902, "{ webhooks { id url } }");
        var deleteByOther = await server.PostAsync(la902, "mutation($id: ID!) { deleteWebhook(id: $id) { id } }", new { id });

        var listed = Assert.Single(own.Data.GetProperty("webhooks").EnumerateArray(), w => w.GetProperty("url").GetString() == url);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("secret").ValueKind);
        Assert.DoesNotContain(other.Data.GetProperty("webhooks").EnumerateArray(), w => w.GetProperty("url").GetString() == url);
        Assert.True(deleteByOther.HasErrors);
        var deleted = await server.PostAsync(la901, "mutation($id: ID!) { deleteWebhook(id: $id) { id } }", new { id });
        Assert.False(deleted.HasErrors, deleted.Body);
        Assert.DoesNotContain((await server.PostAsync(la901, "{ webhooks { url } }")).Data.GetProperty("webhooks").EnumerateArray(), w => w.GetProperty("url").GetString() == url);
    }

    [Theory]
    [InlineData("http://partner.example/hooks", "CAPACITY", "url")]
    [InlineData("not a url", "CAPACITY", "url")]
    [InlineData("https://user:secret@partner.example/hooks", "CAPACITY", "url")]
    public async Task A_bad_registration_names_its_field_and_registers_nothing(string url, string kind, string field)
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var before = (await server.PostAsync(la, "{ webhooks { id } }")).Data.GetProperty("webhooks").GetArrayLength();

        var response = await server.PostAsync(la, Register, new { input = new { url, kinds = new[] { kind } } });

        Assert.Equal(("VALIDATION", field), (response.FirstErrorCode, response.FirstErrorField));
        Assert.Equal(before, (await server.PostAsync(la, "{ webhooks { id } }")).Data.GetProperty("webhooks").GetArrayLength());
    }

    [Fact]
    public async Task No_kinds_is_refused_on_kinds()
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var response = await server.PostAsync(la, Register, new { input = new { url = "https://partner.example/hooks", kinds = Array.Empty<string>() } });
        Assert.Equal(("VALIDATION", "kinds"), (response.FirstErrorCode, response.FirstErrorField));
    }

    [Fact]
    public async Task A_URL_on_a_private_address_is_never_connected_to_and_says_why()
    {
        var la = await server.TokenAsync("902", "LA_OFFICER");
        var registered = await server.PostAsync(la, Register, new { input = new { url = "https://127.0.0.1:9/hooks", kinds = new[] { "CAPACITY" } } });
        Assert.False(registered.HasErrors, registered.Body);
        var id = registered.Data.GetProperty("registerWebhook").GetProperty("id").GetString();
        var world = new PlacementWorld(server, "902");
        var setting = (await server.ApSettingUrnsAsync("902"))[0];
        // Any capacity change will do: raise outreach hours by a little.
        var current = await world.SettingAsync(setting);
        var changed = await server.PostAsync(la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
        {
            input = new
            {
                urn = setting,
                fullTimePlaces = current.GetProperty("fullTimePlaces").GetInt32(),
                sessions = current.GetProperty("sessions").EnumerateArray().Select(s => new { session = s.GetProperty("session").GetString(), places = s.GetProperty("places").GetInt32() }).ToArray(),
                outreachHoursPerWeek = current.GetProperty("outreachHoursPerWeek").GetDouble() + 0.5,
            },
        });
        Assert.False(changed.HasErrors, changed.Body);

        string? lastError = null;
        for (var i = 0; i < 40 && lastError is null; i++)
        {
            await Task.Delay(250);
            var listed = await server.PostAsync(la, "{ webhooks { id lastError deliveries { statusCode } } }");
            var webhook = listed.Data.GetProperty("webhooks").EnumerateArray().Single(w => w.GetProperty("id").GetString() == id);
            lastError = webhook.GetProperty("lastError").GetString();
            if (lastError is not null) Assert.All(webhook.GetProperty("deliveries").EnumerateArray(), d => Assert.Equal(System.Text.Json.JsonValueKind.Null, d.GetProperty("statusCode").ValueKind));
        }

        Assert.Contains("private or reserved addresses", lastError, StringComparison.Ordinal);
        await server.PostAsync(la, "mutation($id: ID!) { deleteWebhook(id: $id) { id } }", new { id });
    }
}
