using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Running;
using ApGrid.Server.Tests.Webhooks;
using Microsoft.Data.Sqlite;

namespace ApGrid.Server.Tests.Docs;

/// <summary>
/// Every block marked <c>example</c> in README.md and docs/api.md, run as written against a fresh
/// server with its demo data: shell blocks by bash (curl, jq) with <c>localhost:5000</c> pointed at
/// this server and <c>$TOKEN</c> set to an LA officer's token of 901 from <c>POST /dev/token</c>;
/// GraphQL blocks sent with that token. An example passes when it exits 0 and no answer carries
/// GraphQL errors or an RFC 9457 problem.
/// </summary>
public sealed class DocsExamplesTests(DocsExamplesTests.Server server) : IClassFixture<DocsExamplesTests.Server>
{
    private static readonly string[] Documents = ["README.md", "docs/api.md"];

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var example in Documents.SelectMany(DocsExample.In)) data.Add(example.File, example.Line);
        return data;
    }

    [Fact]
    public void Both_documents_mark_their_runnable_examples()
    {
        Assert.NotEmpty(DocsExample.In("README.md"));
        Assert.Contains(DocsExample.In("docs/api.md"), e => e.Language == "graphql" && e.Code.Contains("setApAvailability", StringComparison.Ordinal));
        Assert.Contains(DocsExample.In("docs/api.md"), e => e.Language == "sh" && e.Code.Contains("/availability", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_documented_example_runs_as_written(string file, int line)
    {
        var example = DocsExample.In(file).Single(e => e.Line == line);
        var output = example.Language switch
        {
            "graphql" => await server.GraphQLAsync(example.Code),
            "sh" => await server.ShellAsync(example.Code),
            _ => throw new InvalidOperationException($"{example}: no way to run {example.Language}"),
        };

        Assert.False(string.IsNullOrWhiteSpace(output), $"{example} printed nothing");
        foreach (var document in JsonDocuments(output))
        {
            Assert.False(document.TryGetProperty("errors", out _), $"{example}: {document}");
            Assert.False(document.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number && status.GetInt32() >= 400, $"{example}: {document}");
        }
    }

    /// <summary>Each line or run of lines of the output that parses as a JSON object.</summary>
    private static List<JsonElement> JsonDocuments(string output)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output), new JsonReaderOptions { AllowMultipleValues = true });
        var documents = new List<JsonElement>();
        try
        {
            while (JsonDocument.TryParseValue(ref reader, out var document))
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object) documents.Add(document.RootElement.Clone());
            }
        }
        catch (JsonException)
        {
            // Text after the JSON (a shell's own output): the JSON before it has been checked.
        }

        return documents;
    }

    /// <summary>A server of the examples' own, so they meet the demo data as a new user would.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-docs-" + Guid.NewGuid().ToString("N"));
        private ServerProcess process = null!;
        private HttpClient http = null!;
        private string token = "";

        public async Task InitializeAsync()
        {
            process = new ServerProcess(dataDirectory, new Dictionary<string, string> { ["Auth:SigningKey"] = "docs-examples-signing-key-0123456789-0123456789-ab" });
            process.Start();
            await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
            http = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            using var response = await http.PostAsJsonAsync("/dev/token", new { tenant = "901", role = "LA_OFFICER", urn = (string?)null });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        }

        public async Task<string> GraphQLAsync(string query) => (await process.PostAsync(http, token, query)).Body;

        public async Task<string> ShellAsync(string script)
        {
            var here = $"{process.BaseAddress.Host}:{process.BaseAddress.Port}";
            var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("set -euo pipefail\n" + script.Replace("localhost:5000", here, StringComparison.Ordinal));
            info.Environment["TOKEN"] = token;
            using var shell = Process.Start(info)!;
            var output = shell.StandardOutput.ReadToEndAsync();
            var errors = shell.StandardError.ReadToEndAsync();
            await shell.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(shell.ExitCode == 0, $"exit {shell.ExitCode}: {await errors}\n{await output}");
            return await output;
        }

        public async Task DisposeAsync()
        {
            http.Dispose();
            await process.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
