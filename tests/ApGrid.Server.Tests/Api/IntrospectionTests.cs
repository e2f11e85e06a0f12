using System.Text.Json;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Api;

/// <summary>Introspection as standard tools send it, at the default limits, and its abuse refused.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class IntrospectionTests(RunningServerFixture server)
{
    [Fact]
    public async Task Graphql_js_builds_the_served_schema_from_its_standard_introspection_query_with_every_option()
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");

        var (exit, output) = await NodeScripts.RunToEndAsync("node", ["introspect.mjs", server.GraphQLUri.ToString(), token], TimeSpan.FromMinutes(2));

        Assert.True(exit == 0, output);
        var built = JsonDocument.Parse(output.Split('\n').Single(l => l.StartsWith('{'))).RootElement;
        var builtTypes = built.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).ToHashSet();
        var served = await server.PostAsync(token, "{ __schema { types { name } } }");
        var servedTypes = served.Data.GetProperty("__schema").GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
        Assert.True(servedTypes.Count > 50, $"{servedTypes.Count} types served");
        Assert.Subset(builtTypes, servedTypes.ToHashSet());
        Assert.Contains("apCapacity", built.GetProperty("queryFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("deprecated", built.GetProperty("directives").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task An_ofType_chain_deeper_than_the_schema_needs_is_refused()
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");
        var chain = "{ __type(name: \"Query\") { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", 20)) + "name"
            + string.Concat(Enumerable.Repeat(" }", 20 + 3)) + " }";

        var response = await server.PostAsync(token, chain);

        Assert.Equal("LIMIT_EXCEEDED", response.FirstErrorCode);
        Assert.Contains("ofType chain is 20 deep", response.Json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(response.Json.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Two_schema_fields_in_one_operation_are_refused()
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");

        var response = await server.PostAsync(token, "{ a: __schema { types { name } } b: __schema { types { name } } }");

        Assert.Equal("LIMIT_EXCEEDED", response.FirstErrorCode);
    }

    [Fact]
    public async Task Members_below_members_which_multiply_the_answer_by_the_schema_are_refused()
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");

        var response = await server.PostAsync(token, "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }");

        Assert.Equal("LIMIT_EXCEEDED", response.FirstErrorCode);
    }
}
