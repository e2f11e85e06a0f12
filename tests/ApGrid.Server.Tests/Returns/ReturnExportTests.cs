using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Rest;

namespace ApGrid.Server.Tests.Returns;

/// <summary>
/// The statutory returns through GET /api/v1/returns/...: a world built through the API whose rows
/// are known by hand, validation failures listed by pupil, every disclosed pupil audited, and no
/// role but the LA's let in.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class ReturnExportTests(RunningServerFixture server)
{
    [Fact]
    public async Task A_schools_census_module_and_the_AP_census_hold_exactly_the_rows_of_the_world_built()
    {
        var world = new ReturnWorld(server, "902");
        var school = await world.NewSchoolAsync("Census Test School");
        var placements = world.Placements;
        var la = await placements.LaAsync();
        var staff = await server.TokenAsync("902", "SCHOOL_STAFF", school);
        var laPlaced = await placements.RegisterPupilAsync(school, yearGroup: 9);
        var directed = await placements.RegisterPupilAsync(school, yearGroup: 9);
        var notPlaced = await placements.RegisterPupilAsync(school, yearGroup: 9);
        var provider = await placements.SettingAsync(school: false, "KS3");
        var schoolSetting = await placements.SettingAsync(school: true, "KS3");
        await placements.EnsureFreeSessionsAsync(provider, "THU_AM", "THU_PM");
        await placements.EnsureFreeSessionsAsync(schoolSetting, "MON_AM");
        var today = await placements.TodayAsync();
        var arranged = await placements.ArrangeAsync(la, PlacementWorld.Arrangement(laPlaced, "S19_HEALTH_OR_OTHER", provider, today, ["THU_AM", "THU_PM"]));
        Assert.False(arranged.HasErrors, arranged.Body);
        await placements.DirectFromTodayAsync(staff, school, directed, schoolSetting, ["MON_AM"]);

        // By hand: census day today; each pupil SEN support with SEMH and no postcode; the LA's section 19
        // placement at the non-school provider for two sessions, the school's direction to a school setting for one.
        var a = await world.PupilAsync(laPlaced);
        var b = await world.PupilAsync(directed);
        var c = await world.PupilAsync(notPlaced);
        var p = await world.SettingAsync(provider);
        var s = await world.SettingAsync(schoolSetting);
        var day = ReturnWorld.Iso(today);
        var rowA = $"{a.Upn},{a.DateOfBirth},,K,SEMH,{p.Urn},{p.Ukprn},{p.Type},S19,{day},,P,2";
        var rowB = $"{b.Upn},{b.DateOfBirth},,K,SEMH,{s.Urn},{s.Ukprn},{s.Type},OSD,{day},,P,1";
        string[] moduleRows = string.CompareOrdinal(a.Upn[1..], b.Upn[1..]) < 0 ? [rowA, rowB] : [rowB, rowA];

        var module = await world.ExportAsync($"/api/v1/returns/school-census-ap?schoolUrn={school}&censusDate={day}");

        Assert.True(module.Status == 200, module.Body);
        Assert.Equal("text/csv", module.MediaType);
        Assert.Equal(
            "SchoolURN,UPN,DOB,Postcode,SENprovision,SENtype,APURN,APUKPRN,APsettingType,APreason,EntryDate,LeavingDate,AttendancePattern,SessionsPerWeek\r\n"
            + string.Concat(moduleRows.Select(r => $"{school},{r}\r\n")),
            module.Body);

        // The AP census is the LA's whole area: of this world, only the LA's placement at a provider without a school census of its own.
        var census = await world.ExportAsync($"/api/v1/returns/ap-census?censusDate={day}");

        Assert.True(census.Status == 200, census.Body);
        Assert.StartsWith("LA,UPN,DOB,", census.Body, StringComparison.Ordinal);
        Assert.Equal([$"902,{rowA}"], ReturnWorld.LinesOf(census.Body, [a.Upn, b.Upn, c.Upn]));

        // Both exports are in the audit trail as reads of the pupils they disclosed, through REST.
        foreach (var (pupil, what) in new[] { (laPlaced, "Export.apCensus"), (laPlaced, "Export.schoolCensusAp"), (directed, "Export.schoolCensusAp") })
        {
            var trail = await server.GetAsync(la, $"/api/v1/audit?pupilId={pupil}");
            Assert.Contains(trail.Json.GetProperty("entries").EnumerateArray(), e =>
                e.GetProperty("action").GetString() == "READ" && e.GetProperty("api").GetString() == "REST"
                && e.GetProperty("what").EnumerateArray().Any(w => w.GetString() == what));
        }

        var untouched = await server.GetAsync(la, $"/api/v1/audit?pupilId={notPlaced}");
        Assert.DoesNotContain(untouched.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("what").EnumerateArray().Any(w => w.GetString()!.StartsWith("Export.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Validation_failures_are_listed_by_pupil_and_no_file_is_produced()
    {
        var world = new ReturnWorld(server, "902");
        var school = await world.NewSchoolAsync("Census Failures School");
        var placements = world.Placements;
        var staff = await server.TokenAsync("902", "SCHOOL_STAFF", school);
        var withoutNeed = await placements.RegisterPupilAsync(school, yearGroup: 8, primaryNeed: null);
        var complete = await placements.RegisterPupilAsync(school, yearGroup: 8);
        var setting = await placements.SettingAsync(school: true, "KS3");
        foreach (var pupil in new[] { withoutNeed, complete })
        {
            await placements.EnsureFreeSessionsAsync(setting, "TUE_AM");
            await placements.DirectFromTodayAsync(staff, school, pupil, setting, ["TUE_AM"]);
        }
        var day = ReturnWorld.Iso(await placements.TodayAsync());

        var module = await world.ExportAsync($"/api/v1/returns/school-census-ap?schoolUrn={school}&censusDate={day}");

        Assert.Equal(422, module.Status);
        Assert.Equal("School census AP placement module", module.Json.GetProperty("return").GetString());
        var failure = Assert.Single(module.Json.GetProperty("failures").EnumerateArray());
        Assert.Equal(
            (withoutNeed, (await world.PupilAsync(withoutNeed)).Upn, "SENtype"),
            (failure.GetProperty("pupilId").GetString(), failure.GetProperty("upn").GetString(), failure.GetProperty("item").GetString()));
        Assert.Contains("needs a primary type of need", failure.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sen2_lists_a_request_of_the_year_without_its_source_by_pupil()
    {
        var world = new ReturnWorld(server, "901");
        var placements = world.Placements;
        var la = await placements.LaAsync();
        var school = (await placements.SchoolUrnsAsync())[0];
        var year = (await placements.TodayAsync()).Year - 1;
        var withSource = await placements.RegisterPupilAsync(school, yearGroup: 7, sen: "SEN_SUPPORT");
        var withoutSource = await placements.RegisterPupilAsync(school, yearGroup: 7, sen: "SEN_SUPPORT");
        foreach (var (pupil, source) in new[] { (withSource, "PARENT"), (withoutSource, (string?)null) })
        {
            var requested = await server.PostAsync(la, "mutation($id: ID!, $on: Date!, $source: EhcRequestSource) { requestEhcAssessment(pupilId: $id, requestedOn: $on, requestSource: $source) { stage } }",
                new { id = pupil, on = $"{year}-03-02", source });
            Assert.False(requested.HasErrors, requested.Body);
        }

        var sen2 = await world.ExportAsync($"/api/v1/returns/sen2?year={year}");

        Assert.Equal(422, sen2.Status);
        var failures = ReturnWorld.FailuresOf(sen2.Json);
        var listed = (await world.PupilAsync(withoutSource)).Upn;
        var complete = (await world.PupilAsync(withSource)).Upn;
        Assert.Contains((listed, "RequestSource"), failures);
        Assert.DoesNotContain(failures, f => f.Upn == complete);
    }

    /// <summary>
    /// A tenant of its own (no demo data, no other test's EHC cases), so the whole return is known by
    /// hand: one plan issued last year, and one request still undecided at the year's end.
    /// </summary>
    [Fact]
    public async Task Sen2_of_a_world_built_by_hand_holds_exactly_its_persons()
    {
        var world = new ReturnWorld(server, "937");
        var placements = world.Placements;
        var la = await placements.LaAsync();
        var school = await world.NewSchoolAsync("SEN2 Test School");
        var year = (await placements.TodayAsync()).Year - 1;
        var issued = await placements.RegisterPupilAsync(school, yearGroup: 7);
        var pending = await placements.RegisterPupilAsync(school, yearGroup: 7);
        const string Request = "mutation($id: ID!, $on: Date!, $source: EhcRequestSource) { requestEhcAssessment(pupilId: $id, requestedOn: $on, requestSource: $source) { stage } }";
        const string Milestone = "mutation($id: ID!, $m: EhcpMilestone!, $on: Date!) { recordEhcpMilestone(input: { pupilId: $id, milestone: $m, date: $on }) { stage } }";
        foreach (var (mutation, variables) in new (string, object)[]
        {
            (Request, new { id = issued, on = $"{year}-03-02", source = "PARENT" }),
            (Milestone, new { id = issued, m = "DECISION_TO_ASSESS", on = $"{year}-04-13" }),
            (Milestone, new { id = issued, m = "DRAFT_ISSUED", on = $"{year}-07-01" }),
            (Milestone, new { id = issued, m = "FINAL_ISSUED", on = $"{year}-07-20" }),
            (Request, new { id = pending, on = $"{year}-11-20", source = "SCHOOL" }),
        })
        {
            var response = await server.PostAsync(la, mutation, variables);
            Assert.False(response.HasErrors, response.Body);
        }

        var plan = await world.PupilAsync(issued);
        var undecided = await world.PupilAsync(pending);
        var persons = new[]
        {
            (plan.Upn, $"""
                <Person>
                  <PersonBirthDate>{plan.DateOfBirth}</PersonBirthDate>
                  <UPN>{plan.Upn}</UPN>
                  <Requests>
                    <ReceivedDate>{year}-03-02</ReceivedDate>
                    <RequestSource>1</RequestSource>
                    <RequestOutcomeDate>{year}-04-13</RequestOutcomeDate>
                    <RequestOutcome>A</RequestOutcome>
                    <Assessment>
                      <AssessmentOutcome>Y</AssessmentOutcome>
                      <AssessmentOutcomeDate>{year}-07-20</AssessmentOutcomeDate>
                      <Week20>0</Week20>
                      <NamedPlan>
                        <StartDate>{year}-07-20</StartDate>
                        <PlanDetail>
                          <URN>{school}</URN>
                          <PlacementRank>1</PlacementRank>
                        </PlanDetail>
                      </NamedPlan>
                    </Assessment>
                    <ActivePlans>
                      <PlacementDetail>
                        <URN>{school}</URN>
                        <PlacementRank>1</PlacementRank>
                      </PlacementDetail>
                      <SENneed>
                        <SENtype>SEMH</SENtype>
                        <SENtypeRank>1</SENtypeRank>
                      </SENneed>
                    </ActivePlans>
                  </Requests>
                </Person>

            """),
            (undecided.Upn, $"""
                <Person>
                  <PersonBirthDate>{undecided.DateOfBirth}</PersonBirthDate>
                  <UPN>{undecided.Upn}</UPN>
                  <Requests>
                    <ReceivedDate>{year}-11-20</ReceivedDate>
                    <RequestSource>2</RequestSource>
                  </Requests>
                </Person>

            """),
        };

        var sen2 = await world.ExportAsync($"/api/v1/returns/sen2?year={year}");

        Assert.True(sen2.Status == 200, sen2.Body);
        Assert.Equal("application/xml", sen2.MediaType);
        var xml = sen2.Body.ReplaceLineEndings("\n");
        var reference = ApGrid.Domain.SchoolCensus.JanuaryCensusDay(new DateOnly(year + 1, 1, 1));
        Assert.Contains($"<Collection>SEN2</Collection>\n      <Year>{year + 1}</Year>\n      <ReferenceDate>{ReturnWorld.Iso(reference)}</ReferenceDate>", xml, StringComparison.Ordinal);
        Assert.Contains("<LEA>937</LEA>", xml, StringComparison.Ordinal);
        Assert.EndsWith(
            "  <Persons>\n" + string.Concat(persons.OrderBy(p => p.Upn[1..], StringComparer.Ordinal).Select(p => p.Item2.ReplaceLineEndings("\n"))) + "  </Persons>\n</Message>",
            xml,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_LA_may_export_and_dates_are_checked()
    {
        var world = new ReturnWorld(server, "902");
        var school = (await world.Placements.SchoolUrnsAsync())[0];
        var today = await world.Placements.TodayAsync();
        var day = ReturnWorld.Iso(today);
        var apUrn = (await server.ApSettingUrnsAsync("902"))[0];
        var schoolStaff = await server.TokenAsync("902", "SCHOOL_STAFF", school);
        var apStaff = await server.TokenAsync("902", "AP_STAFF", apUrn);

        foreach (var token in new[] { schoolStaff, apStaff })
        {
            foreach (var path in new[] { $"/api/v1/returns/ap-census?censusDate={day}", $"/api/v1/returns/school-census-ap?schoolUrn={school}&censusDate={day}", $"/api/v1/returns/sen2?year={today.Year - 1}" })
            {
                var refused = await world.ExportAsync(path, token);
                Assert.True(refused.Status == 403, $"{path}: {refused.Status} {refused.Body}");
                Assert.Equal("FORBIDDEN", refused.Json.GetProperty("code").GetString());
            }
        }

        var future = await world.ExportAsync($"/api/v1/returns/ap-census?censusDate={ReturnWorld.Iso(today.AddDays(1))}");
        Assert.Equal((400, "censusDate"), (future.Status, future.Json.GetProperty("field").GetString()));
        var missing = await world.ExportAsync("/api/v1/returns/ap-census");
        Assert.Equal((400, "censusDate"), (missing.Status, missing.Json.GetProperty("field").GetString()));
        var thisYear = await world.ExportAsync($"/api/v1/returns/sen2?year={today.Year}");
        Assert.Equal((400, "year"), (thisYear.Status, thisYear.Json.GetProperty("field").GetString()));
        var notOurs = await world.ExportAsync($"/api/v1/returns/school-census-ap?schoolUrn=149999&censusDate={day}");
        Assert.Equal((404, "schoolUrn"), (notOurs.Status, notOurs.Json.GetProperty("field").GetString()));
    }
}
