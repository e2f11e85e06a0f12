using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Telemetry;

/// <summary>With no OTEL_* endpoint and no Prometheus switch nothing is listening: no spans are recorded and there is no scrape endpoint.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class TelemetryOffTests(RunningServerFixture server)
{
    [Fact]
    public async Task By_default_errors_carry_no_trace_id_and_there_is_no_metrics_endpoint()
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");

        var refused = await server.PostAsync(la, "query { pupil(id: \"nobody\") { id } }");
        using var metrics = await server.Http.GetAsync(new Uri("/ops/metrics", UriKind.Relative));

        Assert.True(refused.HasErrors);
        Assert.False(refused.Json.GetProperty("errors")[0].GetProperty("extensions").TryGetProperty("traceId", out _), refused.Body);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, metrics.StatusCode);
    }
}
