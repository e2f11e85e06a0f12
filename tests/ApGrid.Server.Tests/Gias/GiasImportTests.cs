using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ApGrid.Server.Tests.Api;
using ApGrid.TestSupport;

namespace ApGrid.Server.Tests.Gias;

/// <summary>
/// The LA uploads GIAS files as downloaded (POST /api/v1/gias-imports): establishments appear,
/// conversions carry pupils, placements and waiting entries to the successor, and a second run
/// changes nothing. Real server, real SQLite storage.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class GiasImportTests(RunningServerFixture server)
{
    private const string Tenant = "902";
    private const string SemhName = "SEMH - Social, Emotional and Mental Health";

    private static string Day(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>Norfolk, inside tenant 902's demo area.</summary>
    private static (string, string)[] Place(int n) => [("Easting", (598000 + (n * 150)).ToString(CultureInfo.InvariantCulture)), ("Northing", "308000"), ("Postcode", "NR20 3AB")];

    private static (string, string)[] With(int n, params (string, string)[] values) => [.. Place(n), .. values];

    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(string token, byte[] establishments, byte[]? links = null, bool dryRun = false)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(establishments), "establishments", "edubasealldata20250422.csv");
        if (links is not null) content.Add(new ByteArrayContent(links), "links", "links_edubasealldata20250422.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/gias-imports" + (dryRun ? "?dryRun=true" : string.Empty)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    private static List<string> Urns(JsonElement report, string list) =>
        [.. report.GetProperty(list).EnumerateArray().Select(l => l.GetProperty("urn").GetString()!)];

    private static List<string> Whats(JsonElement report, string list) =>
        [.. report.GetProperty(list).EnumerateArray().Select(l => l.GetProperty("what").GetString()!)];

    private async Task<string> HomeSchoolAsync(string la, string pupilId)
    {
        var response = await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { homeSchool { urn } } }", new { id = pupilId });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("pupil").GetProperty("homeSchool").GetProperty("urn").GetString()!;
    }

    [Fact]
    public async Task A_conversion_carries_pupils_placements_and_waiting_entries_to_the_successor_and_a_rerun_changes_nothing()
    {
        var world = new PlacementWorld(server, Tenant);
        var la = await world.LaAsync();
        var urn = new GiasUrns();
        var (school, pru, special, merged, chainStart, newAcademy) = (urn[0], urn[1], urn[2], urn[3], urn[4], urn[5]);
        var first = new GiasFileBuilder()
            .Add(school, Tenant, "Fenside Community School", 1, "Community school", Place(0))
            .Add(pru, Tenant, "Fenside Pupil Referral Unit", 14, "Pupil referral unit", With(1, ("StatutoryLowAge", "5"), ("SEN1 (name)", SemhName), ("PlacesPRU", "12")))
            .Add(special, Tenant, "Fenside Special School", 7, "Community special school", With(2, ("SEN1 (name)", SemhName)))
            .Add(merged, Tenant, "Marsh Lane School", 1, "Community school", Place(3))
            .Add(chainStart, Tenant, "Old Chain School", 1, "Community school", Place(4))
            .Add(newAcademy, Tenant, "Wash AP Academy", 43, "Academy alternative provision sponsor led",
                With(5, ("SEN1 (name)", SemhName), ("SEN2 (name)", "ASD - Autistic Spectrum Disorder"), ("UKPRN", "10099999"), ("PlacesPRU", "20")));

        var created = await UploadAsync(la, first.ToBytes());

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal([school, pru, special, merged, chainStart, newAcademy], Urns(created.Body, "created"));
        Assert.Equal("UTF-8", created.Body.GetProperty("establishmentsEncoding").GetString());
        var academy = (await server.PostAsync(la, "query($urn: String!) { apSetting(urn: $urn) { name type keyStages specialisms ukprn postcode fullTimePlaces } }", new { urn = newAcademy }))
            .Data.GetProperty("apSetting");
        Assert.Equal("AP_ACADEMY", academy.GetProperty("type").GetString());
        Assert.Equal(["KS3", "KS4"], academy.GetProperty("keyStages").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["SEMH", "ASD"], academy.GetProperty("specialisms").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(("10099999", "NR20 3AB", 20), (academy.GetProperty("ukprn").GetString(), academy.GetProperty("postcode").GetString(), academy.GetProperty("fullTimePlaces").GetInt32()));

        // Pupils at the establishments that will close: on roll, placed at the PRU, waiting at the special school.
        var onRoll = await world.RegisterPupilAsync(school, yearGroup: 9);
        var atMerged = await world.RegisterPupilAsync(merged, yearGroup: 9);
        var atChain = await world.RegisterPupilAsync(chainStart, yearGroup: 9);
        var waiting = await world.RegisterPupilAsync(school, yearGroup: 9, sen: "EHC_PLAN");
        var placed = await world.RegisterPupilAsync(school, yearGroup: 9);
        var referral = await world.ReferAsync(placed, school);
        var start = await world.AdvancePastNoticeAsync(school);
        var placement = await world.StartAsync(referral, pru, start, fullTime: true, []);
        Assert.False(placement.HasErrors, placement.Body);
        var waitingAdded = await server.PostAsync(la, "mutation($input: AddToWaitingListInput!) { addToWaitingList(input: $input) { id } }",
            new { input = new { pupilId = waiting, specialSchoolUrn = special, addedOn = PlacementWorld.Iso(start.AddDays(-5)) } });
        Assert.False(waitingAdded.HasErrors, waitingAdded.Body);

        // GIAS a term later: each closed today, with its successor opening today. The academy's
        // name is accented and the file is Windows-1252, as GIAS has published it.
        var today = await world.TodayAsync();
        var more = new GiasUrns();
        var (academyOfSchool, apAcademy, specialAcademy, splitA, splitB, chainMiddle, chainEnd) = (urn[6], urn[7], urn[8], urn[9], more[0], more[1], more[2]);
        var closed = ("EstablishmentStatus (name)", "Closed");
        var closedToday = ("CloseDate", Day(today));
        var openedToday = ("OpenDate", Day(today));
        var second = new GiasFileBuilder()
            .Add(school, Tenant, "Fenside Community School", 1, "Community school", With(0, closed, closedToday))
            .Add(academyOfSchool, Tenant, "Académie Fenside Saint-Étienne", 34, "Academy converter", With(6, openedToday))
            .Add(pru, Tenant, "Fenside Pupil Referral Unit", 14, "Pupil referral unit", With(1, ("StatutoryLowAge", "5"), ("SEN1 (name)", SemhName), ("PlacesPRU", "12"), closed, closedToday))
            .Add(apAcademy, Tenant, "Fenside AP Academy", 42, "Academy alternative provision converter", With(7, ("SEN1 (name)", SemhName), openedToday))
            .Add(special, Tenant, "Fenside Special School", 7, "Community special school", With(2, ("SEN1 (name)", SemhName), closed, closedToday))
            .Add(specialAcademy, Tenant, "Fenside Special Academy", 44, "Academy special converter", With(8, ("SEN1 (name)", SemhName), openedToday))
            .Add(merged, Tenant, "Marsh Lane School", 1, "Community school", With(3, closed, closedToday))
            .Add(splitA, Tenant, "Marsh Lane Infants", 34, "Academy converter", With(9, openedToday))
            .Add(splitB, Tenant, "Marsh Lane Juniors", 34, "Academy converter", With(10, openedToday))
            .Add(chainStart, Tenant, "Old Chain School", 1, "Community school", With(4, closed, closedToday))
            .Add(chainMiddle, Tenant, "Chain Academy", 34, "Academy converter", With(11, closed, closedToday))
            .Add(chainEnd, Tenant, "Chain Academy Trust School", 34, "Academy converter", With(12, openedToday))
            .Add(newAcademy, Tenant, "Wash AP Academy", 43, "Academy alternative provision sponsor led",
                With(5, ("SEN1 (name)", SemhName), ("SEN2 (name)", "ASD - Autistic Spectrum Disorder"), ("UKPRN", "10099999"), ("PlacesPRU", "20")));
        var links = new GiasLinksText()
            .Add(school, academyOfSchool, "Successor").Add(academyOfSchool, school, "Predecessor")
            .Add(pru, apAcademy, "Successor")
            .Add(special, specialAcademy, "Successor")
            .Add(merged, splitA, "Successor - Split School").Add(merged, splitB, "Successor - Split School")
            .Add(chainStart, chainMiddle, "Successor").Add(chainMiddle, chainEnd, "Successor - merged")
            .Add(school, pru, "Sixth Form Centre Link")
            .ToBytes();

        // A dry run says what would happen and writes nothing.
        var dry = await UploadAsync(la, second.ToBytes(windows1252: true), links, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dry.Status);
        Assert.True(dry.Body.GetProperty("dryRun").GetBoolean());
        Assert.Equal(6, Urns(dry.Body, "moved").Count);
        Assert.Equal(school, await HomeSchoolAsync(la, onRoll));

        var run = await UploadAsync(la, second.ToBytes(windows1252: true), links);

        Assert.Equal(HttpStatusCode.OK, run.Status);
        Assert.Equal("Windows-1252", run.Body.GetProperty("establishmentsEncoding").GetString());
        Assert.Equal(new[] { academyOfSchool, apAcademy, specialAcademy, splitA, splitB, chainEnd }.Order(), Urns(run.Body, "created").Order());
        Assert.Equal(new[] { school, pru, special, merged, chainStart }.Order(), Urns(run.Body, "closed").Order());
        Assert.Equal("Académie Fenside Saint-Étienne", run.Body.GetProperty("created").EnumerateArray().Single(c => c.GetProperty("urn").GetString() == academyOfSchool).GetProperty("name").GetString());

        var pruNow = (await server.PostAsync(la, "query($urn: String!) { apSetting(urn: $urn) { closed closedOn giasPlaces fullTimePlaces } }", new { urn = pru })).Data.GetProperty("apSetting");
        Assert.Equal((true, PlacementWorld.Iso(today), 12), (pruNow.GetProperty("closed").GetBoolean(), pruNow.GetProperty("closedOn").GetString(), pruNow.GetProperty("giasPlaces").GetInt32()));
        var apAcademyNow = (await server.PostAsync(la, "query($urn: String!) { apSetting(urn: $urn) { closed fullTimePlaces } }", new { urn = apAcademy })).Data.GetProperty("apSetting");
        Assert.Equal((false, pruNow.GetProperty("fullTimePlaces").GetInt32()), (apAcademyNow.GetProperty("closed").GetBoolean(), apAcademyNow.GetProperty("fullTimePlaces").GetInt32()));
        Assert.True((await server.PostAsync(la, "query($urn: String!) { specialSchool(urn: $urn) { closed } }", new { urn = special })).Data.GetProperty("specialSchool").GetProperty("closed").GetBoolean());

        // On roll at the converted school, and at the end of a chain of two conversions.
        Assert.Equal(academyOfSchool, await HomeSchoolAsync(la, onRoll));
        Assert.Equal(academyOfSchool, await HomeSchoolAsync(la, placed));
        Assert.Equal(chainEnd, await HomeSchoolAsync(la, atChain));

        // The placement moved from the PRU to the AP academy that replaced it, on the day it opened.
        var placements = (await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { placements { status startDate setting { urn } } } }", new { id = placed }))
            .Data.GetProperty("pupil").GetProperty("placements").EnumerateArray().ToList();
        var live = placements.Single(p => p.GetProperty("status").GetString() is "ACTIVE" or "PLANNED");
        Assert.Equal(apAcademy, live.GetProperty("setting").GetProperty("urn").GetString());
        Assert.Equal(PlacementWorld.Iso(today), live.GetProperty("startDate").GetString());

        // The waiting entry moved to the special academy, keeping the day it was added.
        var list = (await server.PostAsync(la, "query($urn: String!) { specialSchool(urn: $urn) { waitingList { addedOn pupil { id } } } }", new { urn = specialAcademy }))
            .Data.GetProperty("specialSchool").GetProperty("waitingList").EnumerateArray().ToList();
        var moved = Assert.Single(list);
        Assert.Equal((waiting, PlacementWorld.Iso(start.AddDays(-5))), (moved.GetProperty("pupil").GetProperty("id").GetString(), moved.GetProperty("addedOn").GetString()));
        Assert.Empty((await server.PostAsync(la, "query($urn: String!) { specialSchool(urn: $urn) { waitingList { id } } }", new { urn = special }))
            .Data.GetProperty("specialSchool").GetProperty("waitingList").EnumerateArray());

        // The split school's pupil stays, listed for the LA with both successors.
        Assert.Equal(merged, await HomeSchoolAsync(la, atMerged));
        var forLa = run.Body.GetProperty("forLa").EnumerateArray().Single(l => l.GetProperty("urn").GetString() == merged).GetProperty("what").GetString()!;
        Assert.Contains(splitA, forLa, StringComparison.Ordinal);
        Assert.Contains(splitB, forLa, StringComparison.Ordinal);

        // The same files again: nothing to do, and the report says so; the split is still the LA's to settle.
        var again = await UploadAsync(la, second.ToBytes(windows1252: true), links);

        Assert.True(again.Body.GetProperty("noChanges").GetBoolean(), again.Body.GetRawText());
        Assert.Empty(Urns(again.Body, "moved"));
        Assert.Contains(merged, Urns(again.Body, "forLa"));
    }

    [Fact]
    public async Task The_import_never_overwrites_what_the_LA_keeps()
    {
        var world = new PlacementWorld(server, Tenant);
        var la = await world.LaAsync();
        var urn = new GiasUrns()[0];
        var file = new GiasFileBuilder().Add(urn, Tenant, "Kept PRU", 14, "Pupil referral unit", With(0, ("PlacesPRU", "6")));
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(la, file.ToBytes())).Status);
        var availability = await server.PostAsync(la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }",
            new { input = new { urn, fullTimePlaces = 9, sessions = Array.Empty<object>(), outreachHoursPerWeek = 3.5 } });
        Assert.False(availability.HasErrors, availability.Body);

        var renamed = new GiasFileBuilder().Add(urn, Tenant, "Kept PRU (renamed)", 14, "Pupil referral unit", With(0, ("PlacesPRU", "30")));
        var run = await UploadAsync(la, renamed.ToBytes());

        Assert.Equal([urn], Urns(run.Body, "updated"));
        Assert.Equal(["name, PRU places"], Whats(run.Body, "updated"));
        var setting = await world.SettingAsync(urn);
        Assert.Equal((9, 3.5), (setting.GetProperty("fullTimePlaces").GetInt32(), setting.GetProperty("outreachHoursPerWeek").GetDouble()));
    }

    [Fact]
    public async Task A_malformed_row_is_refused_with_its_line_and_column_and_nothing_is_written()
    {
        var la = await server.TokenAsync(Tenant, "LA_OFFICER");
        var urns = new GiasUrns();
        var text = new GiasFileBuilder()
            .Add(urns[0], Tenant, "Good School", 1, "Community school", Place(0))
            .Add(urns[1], Tenant, "Bad Date School", 1, "Community school", With(1, ("OpenDate", "2024-09-01")))
            .ToText();

        var refused = await UploadAsync(la, System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("establishments", refused.Body.GetProperty("field").GetString());
        var line = text.Split("\r\n")[2];
        var column = line.IndexOf("\"2024-09-01\"", StringComparison.Ordinal) + 1;
        Assert.Contains($"Line 3, column {column}: OpenDate", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var schools = await server.PostAsync(la, "{ localAuthority { schools { urn } } }");
        Assert.DoesNotContain(urns[0], schools.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_LA_officer_may_import_and_an_upload_over_the_limit_is_refused_with_413()
    {
        var world = new PlacementWorld(server, Tenant);
        var file = new GiasFileBuilder().Add(new GiasUrns()[0], Tenant, "Any School", 1, "Community school", Place(0)).ToBytes();
        var school = await server.TokenAsync(Tenant, "SCHOOL_STAFF", (await world.SchoolUrnsAsync())[0]);
        var ap = await server.TokenAsync(Tenant, "AP_STAFF", (await server.ApSettingUrnsAsync(Tenant))[0]);

        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(school, file)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(ap, file)).Status);

        var tooLarge = await UploadAsync(await world.LaAsync(), new byte[RunningServerFixture.GiasMaxUploadBytes + 1]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
    }
}
