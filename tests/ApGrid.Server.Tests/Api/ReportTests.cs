namespace ApGrid.Server.Tests.Api;

[Collection(RunningServerCollection.Name)]
public sealed class ReportTests(RunningServerFixture server)
{
    private const string Query = "{ report { asOf pupilsInApByAge { key count } pupilsInApByAttendance { key count } outcomes { key count } lengthOfStay { firstYearGroup pupils lastYearGroupShares { yearGroup percent } } } }";

    [Fact]
    public async Task Partners_see_small_counts_suppressed_and_the_la_sees_them_all()
    {
        var la = await server.PostAsync(await server.TokenAsync("902", "LA_OFFICER"), Query);
        var partner = await server.PostAsync(await server.TokenAsync("902", "PARTNER"), Query);
        Assert.False(la.HasErrors, la.Body);
        Assert.False(partner.HasErrors, partner.Body);

        var laCounts = la.Data.GetProperty("report").GetProperty("pupilsInApByAge").EnumerateArray()
            .ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("count").GetInt32());
        var partnerCounts = partner.Data.GetProperty("report").GetProperty("pupilsInApByAge").EnumerateArray()
            .ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("count"));
        Assert.Contains(laCounts.Values, c => c is >= 1 and <= 4);
        foreach (var (age, count) in laCounts)
        {
            if (count is >= 1 and <= 4) Assert.Equal(System.Text.Json.JsonValueKind.Null, partnerCounts[age].ValueKind);
            else Assert.Equal(count, partnerCounts[age].GetInt32());
        }

        Assert.Equal(laCounts.Values.Sum(), la.Data.GetProperty("report").GetProperty("pupilsInApByAttendance").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));
    }
}
