using System.Text.Json;
using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Rest;

[Collection(RunningServerCollection.Name)]
public sealed class ReportRestTests(RunningServerFixture server)
{
    private const string Query = "{ report { asOf pupilsInApByAge { key count } pupilsInApByAttendance { key count } outcomes { key count } ehcpFinalIssued outreachHoursAllocated } }";

    [Theory]
    [InlineData("LA_OFFICER")]
    [InlineData("PARTNER")]
    public async Task The_report_is_graphqls_report_with_the_same_suppression(string role)
    {
        var token = await server.TokenAsync("901", role);

        var rest = await server.GetAsync(token, "/api/v1/report");
        var graphql = (await server.PostAsync(token, Query)).Data.GetProperty("report");

        Assert.Equal(200, rest.Status);
        foreach (var list in new[] { "pupilsInApByAge", "pupilsInApByAttendance", "outcomes" })
        {
            Assert.Equal(Counts(graphql.GetProperty(list)), Counts(rest.Json.GetProperty(list)));
        }

        Assert.Equal(graphql.GetProperty("asOf").GetString(), rest.Json.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task A_partner_sees_small_counts_suppressed_where_the_la_sees_them()
    {
        var la = await server.GetAsync(await server.TokenAsync("901", "LA_OFFICER"), "/api/v1/report");
        var partner = await server.GetAsync(await server.TokenAsync("901", "PARTNER"), "/api/v1/report");

        var small = la.Json.GetProperty("pupilsInApByAge").EnumerateArray().Where(c => c.GetProperty("count").GetInt32() is >= 1 and <= 4).Select(c => c.GetProperty("key").GetString()).ToList();
        Assert.NotEmpty(small);
        Assert.All(partner.Json.GetProperty("pupilsInApByAge").EnumerateArray().Where(c => small.Contains(c.GetProperty("key").GetString())),
            c => Assert.Equal(JsonValueKind.Null, c.GetProperty("count").ValueKind));
    }

    private static List<string> Counts(JsonElement list) =>
        [.. list.EnumerateArray().Select(c => $"{c.GetProperty("key").GetString()}={c.GetProperty("count")}")];
}
