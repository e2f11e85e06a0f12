namespace ApGrid.Server.Tests.Api;

/// <summary>Connections page the growing lists: every item once, in the list's order, bounded by first and costed by it.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class ConnectionTests(RunningServerFixture server)
{
    [Theory]
    [InlineData("{ localAuthority { schools { urn } } }", "localAuthority", "schools", "urn")]
    [InlineData("{ localAuthority { apSettings { urn } } }", "localAuthority", "apSettings", "urn")]
    [InlineData("{ apCapacity { setting { urn } } }", null, "apCapacity", "setting.urn")]
    public async Task Pages_of_two_walk_the_whole_list_in_its_order_with_nothing_missed_or_repeated(string listQuery, string? parent, string field, string key)
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var list = await server.PostAsync(la, listQuery);
        Assert.False(list.HasErrors, list.Body);
        var expected = Root(list.Data, parent).GetProperty(field).EnumerateArray().Select(e => Key(e, key)).ToList();
        Assert.True(expected.Count > 2, "the demo list is long enough to page");

        var selection = key.Contains('.', StringComparison.Ordinal) ? $"{key.Split('.')[0]} {{ {key.Split('.')[1]} }}" : key;
        var seen = new List<string>();
        string? after = null;
        int? total = null;
        for (var page = 0; page < 200; page++)
        {
            var inner = $"{field}Connection(first: 2, after: $after) {{ totalCount pageInfo {{ hasNextPage endCursor }} edges {{ cursor node {{ {selection} }} }} }}";
            var query = "query($after: String) { " + (parent is null ? inner : $"{parent} {{ {inner} }}") + " }";
            var response = await server.PostAsync(la, query, new { after });
            Assert.False(response.HasErrors, response.Body);
            var connection = Root(response.Data, parent).GetProperty(field + "Connection");
            total = connection.GetProperty("totalCount").GetInt32();
            var edges = connection.GetProperty("edges").EnumerateArray().ToList();
            Assert.InRange(edges.Count, 1, 2);
            seen.AddRange(edges.Select(e => Key(e.GetProperty("node"), key)));
            Assert.Equal(edges[^1].GetProperty("cursor").GetString(), connection.GetProperty("pageInfo").GetProperty("endCursor").GetString());
            if (!connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()) break;
            after = connection.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.Equal(expected, seen);
        Assert.Equal(expected.Count, total);
    }

    [Theory]
    [InlineData("first: 0", "first")]
    [InlineData("first: 101", "first")]
    [InlineData("after: \"not a cursor!\"", "after")]
    [InlineData("after: \"bm8tc3VjaC11cm4\"", "after")]
    public async Task A_page_size_outside_1_to_100_or_a_cursor_not_from_the_list_is_refused_naming_it(string arguments, string argument)
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var response = await server.PostAsync(la, $"{{ localAuthority {{ schoolsConnection({arguments}) {{ totalCount }} }} }}");
        Assert.Equal(("VALIDATION", argument), (response.FirstErrorCode, response.FirstErrorField));
    }

    [Fact]
    public async Task Cost_follows_first_so_a_nested_page_of_100_by_100_is_refused_and_small_pages_are_not()
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        const string Nested = "{ localAuthority { schoolsConnection(first: N) { edges { node { urn name pupilsConnection(first: N) { edges { node { id upn initials dateOfBirth yearGroup } } } } } } } }";

        var large = await server.PostAsync(la, Nested.Replace("N", "100", StringComparison.Ordinal));
        var small = await server.PostAsync(la, Nested.Replace("N", "3", StringComparison.Ordinal));

        Assert.Equal("LIMIT_EXCEEDED", large.FirstErrorCode);
        Assert.False(small.HasErrors, small.Body);
    }

    [Fact]
    public async Task A_school_sees_through_the_connection_only_what_the_list_shows_it()
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var schools = await server.PostAsync(la, "{ localAuthority { schools { urn } } }");
        var urns = schools.Data.GetProperty("localAuthority").GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("urn").GetString()!).ToList();
        var staff = await server.TokenAsync("901", "SCHOOL_STAFF", urns[0]);

        foreach (var urn in urns.Take(2))
        {
            var list = await server.PostAsync(staff, "query($urn: String!) { school(urn: $urn) { pupils { id } } }", new { urn });
            var paged = await server.PostAsync(staff, "query($urn: String!) { school(urn: $urn) { pupilsConnection(first: 100) { edges { node { id } } } } }", new { urn });
            Assert.Equal(list.FirstErrorCode, paged.FirstErrorCode);
            if (list.HasErrors) continue;
            Assert.Equal(
                list.Data.GetProperty("school").GetProperty("pupils").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Take(100),
                paged.Data.GetProperty("school").GetProperty("pupilsConnection").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()));
        }
    }

    private static System.Text.Json.JsonElement Root(System.Text.Json.JsonElement data, string? parent) => parent is null ? data : data.GetProperty(parent);

    private static string Key(System.Text.Json.JsonElement element, string path) =>
        path.Split('.').Aggregate(element, (e, p) => e.GetProperty(p)).GetString()!;
}
