using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Rest;

/// <summary>A special school's waiting list over REST: the same entries GraphQL shows the same caller.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class WaitingListRestTests(RunningServerFixture server)
{
    private const string GraphQLList = "query($urn: String!) { specialSchool(urn: $urn) { waitingList { id position status daysWaiting } } }";

    [Theory]
    [InlineData("LA_OFFICER")]
    [InlineData("SPECIAL_SCHOOL_STAFF")]
    [InlineData("SCHOOL_STAFF")]
    [InlineData("PARTNER")]
    public async Task Each_role_gets_what_graphql_shows_it(string role)
    {
        var la = await server.TokenAsync("902", "LA_OFFICER");
        var specials = (await server.PostAsync(la, "{ localAuthority { specialSchools { urn waitingList { id } } schools { urn } } }")).Data.GetProperty("localAuthority");
        var special = specials.GetProperty("specialSchools").EnumerateArray().First(s => s.GetProperty("waitingList").GetArrayLength() > 0).GetProperty("urn").GetString()!;
        var urn = role switch
        {
            "SPECIAL_SCHOOL_STAFF" => special,
            "SCHOOL_STAFF" => specials.GetProperty("schools")[0].GetProperty("urn").GetString(),
            _ => null,
        };
        var token = await server.TokenAsync("902", role, urn);

        var rest = await server.GetAsync(token, $"/api/v1/special-schools/{special}/waiting-list");
        var graphql = await server.PostAsync(token, GraphQLList, new { urn = special });

        Assert.Equal(200, rest.Status);
        var expected = graphql.Data.GetProperty("specialSchool").GetProperty("waitingList").EnumerateArray()
            .Select(e => (e.GetProperty("id").GetString(), e.GetProperty("status").GetString(), e.GetProperty("daysWaiting").GetInt32())).ToList();
        Assert.Equal(expected, rest.Json.EnumerateArray()
            .Select(e => (e.GetProperty("id").GetString(), e.GetProperty("status").GetString(), e.GetProperty("daysWaiting").GetInt32())).ToList());
        if (role is "LA_OFFICER" or "SPECIAL_SCHOOL_STAFF") Assert.NotEmpty(expected);
        if (role == "PARTNER") Assert.Empty(expected);
    }

    [Fact]
    public async Task Unknown_and_malformed_urns_are_named()
    {
        var la = await server.TokenAsync("902", "LA_OFFICER");

        var missing = await server.GetAsync(la, "/api/v1/special-schools/999999/waiting-list");
        var malformed = await server.GetAsync(la, "/api/v1/special-schools/12x/waiting-list");

        Assert.Equal((404, "NOT_FOUND", "urn"), (missing.Status, missing.Json.GetProperty("code").GetString(), missing.Json.GetProperty("field").GetString()));
        Assert.Equal((400, "VALIDATION", "urn"), (malformed.Status, malformed.Json.GetProperty("code").GetString(), malformed.Json.GetProperty("field").GetString()));
    }
}
