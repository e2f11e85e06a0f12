namespace ApGrid.Server.Tests.Api;

[Collection(RunningServerCollection.Name)]
public sealed class ReportTests(RunningServerFixture server)
{
    private const string Query = "{ report { asOf pupilsInApByAge { key count } pupilsInApByAttendance { key count } outcomes { key count } lengthOfStay { firstYearGroup pupils lastYearGroupShares { yearGroup percent } } } }";

    [Fact]
    public async Task Partners_see_small_counts_withheld_and_the_rest_rounded_and_the_la_sees_them_all()
    {
        // A new publication period: the partner's figures are taken now, from what the LA sees live.
        await new PlacementWorld(server, "902").AdvanceDaysAsync(1);
        var partner = await server.PostAsync(await server.TokenAsync("902", "PARTNER"), Query);
        var la = await server.PostAsync(await server.TokenAsync("902", "LA_OFFICER"), Query);
        Assert.False(la.HasErrors, la.Body);
        Assert.False(partner.HasErrors, partner.Body);

        var laCounts = la.Data.GetProperty("report").GetProperty("pupilsInApByAge").EnumerateArray()
            .ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("count").GetInt32());
        var partnerCounts = partner.Data.GetProperty("report").GetProperty("pupilsInApByAge").EnumerateArray()
            .ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("count"));
        Assert.Contains(laCounts.Values, c => c is >= 1 and <= 4);
        foreach (var (age, count) in laCounts)
        {
            // Withheld when small; otherwise rounded to 5, or withheld beside a small one (secondary suppression).
            if (count < ApGrid.Domain.DisclosureControl.SmallestShownCount) Assert.Equal(System.Text.Json.JsonValueKind.Null, partnerCounts[age].ValueKind);
            else if (partnerCounts[age].ValueKind != System.Text.Json.JsonValueKind.Null) Assert.Equal(ApGrid.Domain.DisclosureControl.Round(count), partnerCounts[age].GetInt32());
        }

        Assert.Equal(laCounts.Values.Sum(), la.Data.GetProperty("report").GetProperty("pupilsInApByAttendance").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Pupils_in_ap_on_the_census_day_by_kind_and_age_are_under_disclosure_control_for_partners_like_every_count()
    {
        const string query = "{ report { asOf censusDate pupilsInApByAgeAndType { apType pupils byAge { key count } } ongoingStays { firstYearGroup pupils } } }";
        await new PlacementWorld(server, "902").AdvanceDaysAsync(1);
        var partner = await server.PostAsync(await server.TokenAsync("902", "PARTNER"), query);
        var la = await server.PostAsync(await server.TokenAsync("902", "LA_OFFICER"), query);
        Assert.False(la.HasErrors, la.Body);
        Assert.False(partner.HasErrors, partner.Body);

        var report = la.Data.GetProperty("report");
        var asOf = DateOnly.Parse(report.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var census = DateOnly.Parse(report.GetProperty("censusDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((DayOfWeek.Thursday, 1, ApGrid.Domain.SchoolYear.AcademicYearStart(asOf)), (census.DayOfWeek, census.Month, ApGrid.Domain.SchoolYear.AcademicYearStart(census)));
        Assert.InRange(census.Day, 15, 21);

        var rows = report.GetProperty("pupilsInApByAgeAndType").EnumerateArray().ToList();
        Assert.Equal(["STATE_FUNDED", "INDEPENDENT", "NON_SCHOOL"], rows.Select(r => r.GetProperty("apType").GetString()));
        var laCounts = Flatten(report);
        var partnerCounts = Flatten(partner.Data.GetProperty("report"));
        Assert.True(laCounts.Values.Sum(c => c.ValueKind == System.Text.Json.JsonValueKind.Number ? c.GetInt32() : 0) > 0, la.Body);
        // Partners get every age and year group whether or not anyone is counted there: a key that
        // appeared with its first pupil would say what a withheld count hides.
        Assert.Superset(laCounts.Keys.ToHashSet(), partnerCounts.Keys.ToHashSet());
        foreach (var (key, count) in partnerCounts)
        {
            var exact = laCounts.TryGetValue(key, out var c) ? c.GetInt32() : 0;
            if (exact < ApGrid.Domain.DisclosureControl.SmallestShownCount) Assert.Equal(System.Text.Json.JsonValueKind.Null, count.ValueKind);
            else if (count.ValueKind != System.Text.Json.JsonValueKind.Null) Assert.Equal(ApGrid.Domain.DisclosureControl.Round(exact), count.GetInt32());
        }

        Assert.All(rows, r => Assert.Equal(r.GetProperty("pupils").GetInt32(), r.GetProperty("byAge").EnumerateArray().Sum(a => a.GetProperty("count").GetInt32())));
        Assert.All(rows.SelectMany(r => r.GetProperty("byAge").EnumerateArray()), a => Assert.Matches("^(4_AND_UNDER|[0-9]+)$", a.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task An_entry_cohort_outside_any_plausible_year_is_refused_by_name()
    {
        var response = await server.PostAsync(await server.TokenAsync("902", "LA_OFFICER"), "{ report(entryCohort: 26) { asOf } }");

        Assert.Equal(("VALIDATION", "entryCohort"), (response.FirstErrorCode, response.FirstErrorField));
    }

    private static Dictionary<string, System.Text.Json.JsonElement> Flatten(System.Text.Json.JsonElement report) =>
        report.GetProperty("pupilsInApByAgeAndType").EnumerateArray()
            .SelectMany(r => r.GetProperty("byAge").EnumerateArray().Select(a => (Key: r.GetProperty("apType").GetString() + "/" + a.GetProperty("key").GetString(), Count: a.GetProperty("count")))
                .Append((Key: r.GetProperty("apType").GetString() + "/all", Count: r.GetProperty("pupils"))))
            .Concat(report.GetProperty("ongoingStays").EnumerateArray().Select(o => (Key: "ongoing/" + o.GetProperty("firstYearGroup").GetInt32(), Count: o.GetProperty("pupils"))))
            .ToDictionary(p => p.Key, p => p.Count);
}
