using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ApGrid.Server.Tests.Running;
using ApGrid.Server.Tests.Webhooks;
using Microsoft.Data.Sqlite;

namespace ApGrid.Server.Tests.Telemetry;

/// <summary>
/// A node with OpenTelemetry on, configured only by the standard OTEL_* settings plus the
/// Prometheus switch: its spans reach a collector over OTLP, a grain call sits under the GraphQL
/// operation's span, nothing sent carries the query's variables, and the operator port serves
/// Prometheus text with ApGrid's, ASP.NET Core's and Orleans's metrics.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string SigningKey = "telemetry-tests-signing-key-0123456789-0123456789-a";
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-otel-" + Guid.NewGuid().ToString("N"));
    private readonly OtlpCollector collector = new();
    private ServerProcess server = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        server = new ServerProcess(dataDirectory, new Dictionary<string, string>
        {
            ["Server:Role"] = "node",
            ["Auth:SigningKey"] = SigningKey,
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        });
        server.Start();
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
        await collector.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_GraphQL_operation_is_a_span_named_by_its_operation_with_grain_calls_under_it_and_no_variables_anywhere()
    {
        var la = await TokenAsync();
        const string Marker = "Zebedee-7f3a";
        var read = await server.PostAsync(http, la, "query CapacityForTelemetry { apCapacity { setting { urn name } } }");
        Assert.False(read.HasErrors, read.Body);
        var refused = await server.PostAsync(http, la, "query PupilForTelemetry($id: ID!) { pupil(id: $id) { id } }", new { id = Marker });
        Assert.True(refused.HasErrors, refused.Body);
        var traceId = refused.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("traceId").GetString();

        OtlpCollector.Span? operation = null;
        OtlpCollector.Span? grainCall = null;
        for (var i = 0; i < 80 && grainCall is null; i++)
        {
            await Task.Delay(250);
            var spans = collector.Spans.ToList();
            operation = spans.FirstOrDefault(s => s.Name == "query CapacityForTelemetry");
            if (operation is null) continue;
            var byId = spans.Where(s => s.TraceId == operation.TraceId).ToDictionary(s => s.SpanId);
            grainCall = byId.Values.FirstOrDefault(s => s.Scope.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && Under(s, operation, byId));
        }

        Assert.NotNull(operation);
        Assert.NotNull(grainCall);
        Assert.Equal("ApGrid", operation.Scope);
        Assert.Equal("CapacityForTelemetry", operation.Attributes["graphql.operation.name"]);
        Assert.Equal("query", operation.Attributes["graphql.operation.type"]);
        Assert.Contains(collector.Spans, s => s.Name == "query PupilForTelemetry" && s.TraceId == traceId);
        Assert.Contains(collector.Spans, s => s.Name == "storage write" && s.Attributes.ContainsKey("apgrid.state"));

        // Neither the variables nor the documents leave the process.
        await Task.Delay(1500);
        Assert.All(collector.Bodies, body =>
        {
            var text = Encoding.Latin1.GetString(body);
            Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
            Assert.DoesNotContain("apCapacity { setting", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_operator_port_serves_Prometheus_text_with_requests_operations_refusals_storage_and_Orleans()
    {
        var la = await TokenAsync();
        var read = await server.PostAsync(http, la, "query CapacityForPrometheus { apCapacity { setting { urn } } }");
        Assert.False(read.HasErrors, read.Body);
        var refused = await server.PostAsync(http, la, "query { pupil(id: \"nobody\") { id } }");
        Assert.True(refused.HasErrors);

        string text = "";
        for (var i = 0; i < 40 && !text.Contains("CapacityForPrometheus", StringComparison.Ordinal); i++)
        {
            await Task.Delay(250);
            using var response = await http.GetAsync(new Uri("/ops/metrics", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("apgrid_graphql_operation_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Contains("graphql_operation_name=\"CapacityForPrometheus\"", text, StringComparison.Ordinal);
        Assert.Matches("apgrid_refusals_total\\{[^}]*code=\"[A-Z_]+\"", text);
        Assert.Contains("apgrid_storage_write_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("apgrid_changefeed_entries_total{", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Matches("(?m)^orleans_", text);
    }

    [Fact]
    public async Task The_places_free_gauge_counts_each_LAs_free_places_as_the_API_shows_them_and_follows_a_change()
    {
        var la = await TokenAsync();
        var (fullTime, sessions) = await FreePlacesAsync(la);
        var text = await MetricsUntilAsync(t => Gauge(t, "901", "full_time") == fullTime && Gauge(t, "901", "session") == sessions);
        Assert.Equal(fullTime, Gauge(text, "901", "full_time"));
        Assert.Equal(sessions, Gauge(text, "901", "session"));

        // One more full-time place at the first setting: the gauge moves with it, without another capacity read.
        var setting = (await server.PostAsync(http, la, "{ localAuthority { apSettings { urn fullTimePlaces outreachHoursPerWeek sessions { session places } } } }"))
            .Data.GetProperty("localAuthority").GetProperty("apSettings")[0];
        var changed = await server.PostAsync(http, la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
        {
            input = new
            {
                urn = setting.GetProperty("urn").GetString(),
                fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32() + 1,
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
                sessions = setting.GetProperty("sessions").EnumerateArray().Where(x => x.GetProperty("places").GetInt32() > 0).Select(x => new { session = x.GetProperty("session").GetString(), places = x.GetProperty("places").GetInt32() }),
            },
        });
        Assert.False(changed.HasErrors, changed.Body);
        text = await MetricsUntilAsync(t => Gauge(t, "901", "full_time") == fullTime + 1);
        Assert.Equal(fullTime + 1, Gauge(text, "901", "full_time"));
    }

    private async Task<(int FullTime, int Sessions)> FreePlacesAsync(string token)
    {
        var read = await server.PostAsync(http, token, "{ localAuthority { apSettings { fullTimePlacesFree sessions { free } } } }");
        Assert.False(read.HasErrors, read.Body);
        var settings = read.Data.GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray().ToList();
        return (settings.Sum(s => s.GetProperty("fullTimePlacesFree").GetInt32()),
            settings.Sum(s => s.GetProperty("sessions").EnumerateArray().Sum(c => c.GetProperty("free").GetInt32())));
    }

    private async Task<string> MetricsUntilAsync(Func<string, bool> done)
    {
        var text = "";
        for (var i = 0; i < 40 && !done(text); i++)
        {
            if (i > 0) await Task.Delay(250);
            using var response = await http.GetAsync(new Uri("/ops/metrics", UriKind.Relative));
            text = await response.Content.ReadAsStringAsync();
        }

        return text;
    }

    /// <summary>The value of apgrid_places_free for the LA and kind, whatever order the labels come in; null when absent.</summary>
    private static int? Gauge(string text, string la, string kind)
    {
        var match = System.Text.RegularExpressions.Regex.Match(
            text, $"(?m)^apgrid_places_free\\{{(?=[^}}]*la=\"{la}\")(?=[^}}]*kind=\"{kind}\")[^}}]*\\}} (\\d+)");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static bool Under(OtlpCollector.Span span, OtlpCollector.Span ancestor, Dictionary<string, OtlpCollector.Span> byId)
    {
        for (var parent = span.ParentSpanId; parent.Length > 0 && byId.TryGetValue(parent, out var next); parent = next.ParentSpanId)
        {
            if (parent == ancestor.SpanId) return true;
        }

        return false;
    }

    private async Task<string> TokenAsync()
    {
        using var response = await http.PostAsJsonAsync("/dev/token", new { tenant = "901", role = "LA_OFFICER" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
