using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// Existence oracles (issue 29): a mutation on a record the caller may not see answers exactly as
/// one on a record that does not exist (same code, field and message), and waiting-list ids cannot
/// be guessed from their sequence.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class ExistenceParityTests(RunningServerFixture server)
{
    private const string Amend = "mutation($id: ID!) { amendPlacement(input: { placementId: $id, sessions: [FRI_PM] }) { id } }";
    private const string Review = "mutation($id: ID!, $on: Date!) { recordPlacementReview(input: { placementId: $id, date: $on, attendancePercent: 90, suspensions: 0, participation: 3, wellbeing: 3 }) { id } }";
    private const string Respond = "mutation($id: ID!) { respondToOffer(entryId: $id, accepted: true) { id } }";

    [Fact]
    public async Task A_placement_of_another_schools_pupil_or_at_another_setting_answers_as_a_missing_one()
    {
        var world = new PlacementWorld(server, "901");
        var schools = await world.SchoolUrnsAsync();
        var schoolUrn = schools[^2];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var otherSchool = await server.TokenAsync("901", "SCHOOL_STAFF", schools[1]);
        var la = await world.LaAsync();
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
        var (mine, elsewhere) = await PupilPartsTests.TwoSettingsAsync(server, world, la);
        await world.DirectFromTodayAsync(school, schoolUrn, pupil, mine, ["MON_AM"]);
        var hidden = await world.DirectFromTodayAsync(school, schoolUrn, pupil, elsewhere, ["TUE_AM"]);
        var missing = pupil + ".pl123456789";
        var ap = await server.TokenAsync("901", "AP_STAFF", mine);
        var today = PlacementWorld.Iso(await world.TodayAsync());

        // Another school: a real placement of a pupil it may not see, and an id that names nothing.
        Assert.Equal(Error(await server.PostAsync(otherSchool, Amend, new { id = missing })), Error(await server.PostAsync(otherSchool, Amend, new { id = hidden })));
        // The AP sees the pupil, but not their placement elsewhere: that is as missing as an invented one.
        Assert.Equal(Error(await server.PostAsync(ap, Review, new { id = missing, on = today })), Error(await server.PostAsync(ap, Review, new { id = hidden, on = today })));
        Assert.Equal("NOT_FOUND", Error(await server.PostAsync(ap, Review, new { id = hidden, on = today })).Code);
    }

    [Fact]
    public async Task An_offer_answer_on_an_entry_the_caller_may_not_see_answers_as_a_missing_one_and_ids_are_not_a_sequence()
    {
        var world = new PlacementWorld(server, "901");
        var schools = await world.SchoolUrnsAsync();
        var schoolUrn = schools[^2];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var otherSchool = await server.TokenAsync("901", "SCHOOL_STAFF", schools[1]);
        var la = await world.LaAsync();
        var special = (await server.PostAsync(la, "{ localAuthority { specialSchools { urn designations } } }")).Data.GetProperty("localAuthority").GetProperty("specialSchools")
            .EnumerateArray().First(s => s.GetProperty("designations").EnumerateArray().Any(d => d.GetString() == "SEMH")).GetProperty("urn").GetString()!;
        var today = PlacementWorld.Iso(await world.TodayAsync());
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 7, sen: "EHC_PLAN");
            var added = await server.PostAsync(school, "mutation($input: AddToWaitingListInput!) { addToWaitingList(input: $input) { id } }", new { input = new { pupilId = pupil, specialSchoolUrn = special, addedOn = today } });
            Assert.False(added.HasErrors, added.Body);
            ids.Add(added.Data.GetProperty("addToWaitingList").GetProperty("id").GetString()!);
        }

        // The second id does not follow from the first: its number alone names nothing.
        var numberOnly = ids[1][..ids[1].LastIndexOf('.')];
        Assert.StartsWith(special + ".w", ids[1], StringComparison.Ordinal);
        var missing = Error(await server.PostAsync(otherSchool, Respond, new { id = special + ".w999999" }));
        Assert.Equal(missing, Error(await server.PostAsync(otherSchool, Respond, new { id = numberOnly })));
        Assert.Equal(missing, Error(await server.PostAsync(school, Respond, new { id = numberOnly })));
        // A real entry of a pupil the caller may not see answers as a missing one.
        Assert.Equal(missing, Error(await server.PostAsync(otherSchool, Respond, new { id = ids[0] })));
        Assert.Equal(("NOT_FOUND", "entryId"), (missing.Code, missing.Field));
    }

    private static (string? Code, string? Field, string? Message) Error(GraphQLResponse response)
    {
        Assert.True(response.HasErrors, response.Body);
        Assert.False(response.Json.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null, response.Body);
        return (response.FirstErrorCode, response.FirstErrorField, response.FirstErrorMessage);
    }
}
