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

    [Theory]
    [InlineData("/api/v1/report?entryCohort=1999", "entryCohort")]
    [InlineData("/api/v1/report?entryCohort=twenty", "entryCohort")]
    [InlineData("/api/v1/report?apType=PUPIL_REFERRAL_UNIT", "apType")]
    [InlineData("/api/v1/report?censusDate=2027-13-01", "censusDate")]
    public async Task A_bad_filter_is_a_problem_naming_it(string path, string field)
    {
        var response = await server.GetAsync(await server.TokenAsync("901", "LA_OFFICER"), path);

        Assert.Equal((400, "VALIDATION", field), (response.Status, response.ProblemCode, response.ProblemField));
    }

    [Fact]
    public async Task The_filters_are_graphqls_arguments()
    {
        var token = await server.TokenAsync("901", "PARTNER");
        const string filtered = """
            query($cohort: Int, $type: ApType, $on: Date) { report(entryCohort: $cohort, apType: $type, censusDate: $on) {
              entryCohort apType censusDate ongoingStays { firstYearGroup pupils }
              lengthOfStay { firstYearGroup pupils lastYearGroupShares { yearGroup percent } }
              pupilsInApByAgeAndType { apType pupils byAge { key count } } } }
            """;

        var rest = await server.GetAsync(token, "/api/v1/report?entryCohort=2026&apType=INDEPENDENT&censusDate=2027-01-21");
        var graphql = await server.PostAsync(token, filtered, new { cohort = 2026, type = "INDEPENDENT", on = "2027-01-21" });

        Assert.Equal(200, rest.Status);
        Assert.False(graphql.HasErrors, graphql.Body);
        var report = graphql.Data.GetProperty("report");
        Assert.Equal((2026, "INDEPENDENT", "2027-01-21"), (rest.Json.GetProperty("entryCohort").GetInt32(), rest.Json.GetProperty("apType").GetString(), rest.Json.GetProperty("censusDate").GetString()));
        foreach (var field in new[] { "entryCohort", "apType", "censusDate", "ongoingStays", "lengthOfStay", "pupilsInApByAgeAndType" })
        {
            Assert.Equal(report.GetProperty(field).GetRawText(), rest.Json.GetProperty(field).GetRawText());
        }
    }

    private static List<string> Counts(JsonElement list) =>
        [.. list.EnumerateArray().Select(c => $"{c.GetProperty("key").GetString()}={c.GetProperty("count")}")];
}
