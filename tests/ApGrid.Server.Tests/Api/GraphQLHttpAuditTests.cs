using System.Text.Json;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Api;

[Collection(RunningServerCollection.Name)]
public sealed class GraphQLHttpAuditTests(RunningServerFixture server)
{
    [Fact]
    public async Task The_graphql_http_server_audits_pass()
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");

        var (exit, output) = await NodeScripts.RunToEndAsync("node", ["audit.mjs", server.GraphQLUri.ToString(), token], TimeSpan.FromMinutes(2));

        Assert.True(exit == 0, output);
        var audits = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();
        var failing = audits.Where(a => a.GetProperty("status").GetString() != "ok")
            .Select(a => $"{a.GetProperty("id").GetString()} {a.GetProperty("name").GetString()}: {a.GetProperty("reason")}")
            .ToList();
        foreach (var line in failing) Console.WriteLine(line);
        var must = audits.Where(a => a.GetProperty("name").GetString()!.StartsWith("MUST", StringComparison.Ordinal)).ToList();
        var should = audits.Where(a => a.GetProperty("name").GetString()!.StartsWith("SHOULD", StringComparison.Ordinal)).ToList();
        Assert.True(must.Count >= 13, $"expected the 13 MUST audits, found {must.Count}:\n{output}");
        Assert.All(must, a => Assert.True(a.GetProperty("status").GetString() == "ok", a.ToString()));
        var shouldPassed = should.Count(a => a.GetProperty("status").GetString() == "ok");
        Console.WriteLine($"graphql-http audits: MUST {must.Count(a => a.GetProperty("status").GetString() == "ok")}/{must.Count}, SHOULD {shouldPassed}/{should.Count}, MAY and others {audits.Count - must.Count - should.Count}");
        Assert.True(shouldPassed >= 20, $"{shouldPassed} of {should.Count} SHOULD audits pass:\n{string.Join('\n', failing)}");
    }
}
