using System.Text.Json;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Rest;

[Collection(RunningServerCollection.Name)]
public sealed class OpenApiTests(RunningServerFixture server)
{
    [Fact]
    public async Task The_served_document_passes_redocly_lint_without_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"apgrid-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, await server.Http.GetStringAsync("/openapi/v1.json"));
        try
        {
            // No configuration file: Redocly's built-in recommended ruleset, nothing switched off.
            var (exit, output) = await NodeScripts.RunToEndAsync(
                Path.Combine(NodeScripts.Directory, "node_modules", ".bin", "redocly"),
                ["lint", path, "--format", "stylish"],
                TimeSpan.FromMinutes(2),
                new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });
            Console.WriteLine(output);
            Assert.True(exit == 0, output);
            Assert.DoesNotContain(" error ", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_document_describes_every_endpoint_both_schemes_and_problem_responses()
    {
        var document = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json")).RootElement;

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                "GET /api/v1/ap-settings",
                "GET /api/v1/ap-settings/{urn}",
                "GET /api/v1/ap-settings/{urn}/register/{date}",
                "GET /api/v1/audit",
                "GET /api/v1/capacity",
                "GET /api/v1/changes",
                "GET /api/v1/providers/{urn}",
                "GET /api/v1/report",
                "GET /api/v1/returns/ap-census",
                "GET /api/v1/returns/school-census-ap",
                "GET /api/v1/returns/sen2",
                "GET /api/v1/special-schools/{urn}/waiting-list",
                "POST /api/v1/gias-imports",
                "PUT /api/v1/ap-settings/{urn}/availability",
                "PUT /api/v1/ap-settings/{urn}/register/{date}",
                "PUT /api/v1/postcode-directory",
                "PUT /api/v1/providers/{urn}/evidence",
            ],
            operations);
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        var put = document.GetProperty("paths").GetProperty("/api/v1/ap-settings/{urn}/availability").GetProperty("put");
        foreach (var status in new[] { "400", "401", "403", "404", "409", "422" })
        {
            Assert.True(put.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }
    }

    [Fact]
    public async Task The_scalar_reference_page_is_served_in_development()
    {
        using var response = await server.Http.GetAsync("/scalar/");
        Assert.Equal(200, (int)response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);

        // Offline and without the vendor's extras: no CDN fonts, no client or developer-tools buttons, no agent, no telemetry.
        foreach (var setting in new[] { "\"withDefaultFonts\":false", "\"hideClientButton\":true", "\"showDeveloperTools\":\"never\"", "\"telemetry\":false", "\"agent\":{\"disabled\":true}", "\"mcp\":{\"disabled\":true}" })
        {
            Assert.Contains(setting, page, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", page);
    }
}
