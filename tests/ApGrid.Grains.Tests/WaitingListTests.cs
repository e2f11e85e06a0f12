using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class WaitingListTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task Positions_stay_one_to_n_without_gaps_under_concurrent_adds()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var urn = await world.SpecialSchoolAsync(places: 10, placesTaken: 10);
        var pupils = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => world.PupilAsync()));

        // Two silos, 24 adds at once, several sharing a date: the school orders them one at a time.
        var added = await Task.WhenAll(pupils.Select((p, i) => world.AddAsync(p, urn, WaitingListWorld.Today.AddDays(-(i % 4)))));

        var list = await world.RunAsync(() => world.School(urn).GetWaitingListAsync());
        Assert.Equal(Enumerable.Range(1, 24), list.Select(e => e.Position!.Value));
        Assert.Equal(added.Select(e => e.Id).Order(), list.Select(e => e.Id).Order());
        Assert.True(list.Zip(list.Skip(1)).All(p => p.First.AddedOn <= p.Second.AddedOn), "positions follow the date added");

        // Taking one out closes the gap.
        await world.RunAsync(() => world.School(urn).RemoveEntryAsync(list[3].Id));
        var after = await world.RunAsync(() => world.School(urn).GetWaitingListAsync());
        Assert.Equal(Enumerable.Range(1, 23), after.Select(e => e.Position!.Value));
    }

    [Fact]
    public async Task An_offer_when_no_place_is_free_is_refused_and_changes_nothing()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var urn = await world.SpecialSchoolAsync(places: 5, placesTaken: 5);
        var entry = await world.AddAsync(await world.PupilAsync(), urn, WaitingListWorld.Today);

        var offer = await world.RunAsync(() => world.School(urn).OfferPlaceAsync(entry.Id, null));

        Assert.Equal((ErrorCode.CapacityExhausted, "entryId"), (offer.Error!.Code, offer.Error.Field));
        var stored = await world.RunAsync(() => world.School(urn).GetEntryAsync(entry.Id));
        Assert.Equal((WaitingStatus.Waiting, 1), (stored!.Status, stored.Position));
    }

    [Fact]
    public async Task An_offer_holds_the_place_so_a_second_offer_cannot_promise_it_again()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var urn = await world.SpecialSchoolAsync(places: 5, placesTaken: 4);
        var first = await world.AddAsync(await world.PupilAsync(), urn, WaitingListWorld.Today.AddDays(-9));
        var second = await world.AddAsync(await world.PupilAsync(), urn, WaitingListWorld.Today);

        Assert.Null((await world.RunAsync(() => world.School(urn).OfferPlaceAsync(first.Id, null))).Error);
        var again = await world.RunAsync(() => world.School(urn).OfferPlaceAsync(second.Id, null));

        Assert.Equal(ErrorCode.CapacityExhausted, again.Error!.Code);
        Assert.Equal(0, (await world.RunAsync(() => world.School(urn).GetAsync()))!.PlacesFree);
    }

    [Fact]
    public async Task Only_the_first_waiting_entry_gets_an_offer_unless_a_reason_is_recorded()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var urn = await world.SpecialSchoolAsync(places: 6, placesTaken: 4);
        await world.AddAsync(await world.PupilAsync(), urn, WaitingListWorld.Today.AddDays(-30));
        var second = await world.AddAsync(await world.PupilAsync(), urn, WaitingListWorld.Today);

        var outOfTurn = await world.RunAsync(() => world.School(urn).OfferPlaceAsync(second.Id, null));
        Assert.Equal((ErrorCode.Conflict, "reason"), (outOfTurn.Error!.Code, outOfTurn.Error.Field));

        var withReason = await world.RunAsync(() => world.School(urn).OfferPlaceAsync(second.Id, "Sibling on roll"));
        Assert.Equal((WaitingStatus.Offered, "Sibling on roll", (int?)null), (withReason.Value!.Status, withReason.Value.OfferReason, withReason.Value.Position));
    }

    [Fact]
    public async Task Accepting_takes_the_place_and_frees_the_pupils_other_entries()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var chosen = await world.SpecialSchoolAsync(places: 3, placesTaken: 2);
        var other1 = await world.SpecialSchoolAsync(places: 3, placesTaken: 3);
        var other2 = await world.SpecialSchoolAsync(places: 3, placesTaken: 3);
        var pupil = await world.PupilAsync();
        var behind = await world.PupilAsync();
        var entry = await world.AddAsync(pupil, chosen, WaitingListWorld.Today.AddDays(-20));
        var elsewhere1 = await world.AddAsync(pupil, other1, WaitingListWorld.Today.AddDays(-20));
        await world.AddAsync(pupil, other2, WaitingListWorld.Today.AddDays(-20));
        var behindEntry = await world.AddAsync(behind, other1, WaitingListWorld.Today);
        Assert.Equal(2, behindEntry.Position);

        Assert.Null((await world.RunAsync(() => world.School(chosen).OfferPlaceAsync(entry.Id, null))).Error);
        var accepted = await world.RunAsync(() => world.Pupil(pupil).RespondToOfferAsync(entry.Id, accepted: true));

        Assert.Equal(WaitingStatus.Accepted, accepted.Value!.Status);
        Assert.Equal(0, (await world.RunAsync(() => world.School(chosen).GetAsync()))!.PlacesFree);
        Assert.Equal(WaitingStatus.Removed, (await world.RunAsync(() => world.School(other1).GetEntryAsync(elsewhere1.Id)))!.Status);
        Assert.Empty(await world.RunAsync(() => world.School(other2).GetWaitingListAsync()));
        Assert.Equal(1, (await world.RunAsync(() => world.School(other1).GetEntryAsync(behindEntry.Id)))!.Position);

        // Answering again is harmless and changes nothing.
        var repeat = await world.RunAsync(() => world.Pupil(pupil).RespondToOfferAsync(entry.Id, accepted: true));
        Assert.Equal(WaitingStatus.Accepted, repeat.Value!.Status);
        Assert.Equal(3, (await world.RunAsync(() => world.School(chosen).GetAsync()))!.Places - 0);
    }

    [Fact]
    public async Task Declining_returns_the_place()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var urn = await world.SpecialSchoolAsync(places: 4, placesTaken: 3);
        var pupil = await world.PupilAsync();
        var entry = await world.AddAsync(pupil, urn, WaitingListWorld.Today);
        await world.RunAsync(() => world.School(urn).OfferPlaceAsync(entry.Id, null));
        Assert.Equal(0, (await world.RunAsync(() => world.School(urn).GetAsync()))!.PlacesFree);

        var declined = await world.RunAsync(() => world.Pupil(pupil).RespondToOfferAsync(entry.Id, accepted: false));

        Assert.Equal(WaitingStatus.Declined, declined.Value!.Status);
        Assert.Equal(1, (await world.RunAsync(() => world.School(urn).GetAsync()))!.PlacesFree);
    }

    [Fact]
    public async Task A_pupil_without_a_plan_or_an_assessment_intending_a_special_school_cannot_join_a_list()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var urn = await world.SpecialSchoolAsync(places: 4, placesTaken: 4);
        var pupil = await world.PupilAsync(SenProvision.SenSupport);

        var refused = await world.RunAsync(() => world.Pupil(pupil).AddToWaitingListAsync(urn, WaitingListWorld.Today));
        Assert.Equal((ErrorCode.Conflict, "pupilId"), (refused.Error!.Code, refused.Error.Field));
        Assert.Empty(await world.RunAsync(() => world.School(urn).GetWaitingListAsync()));

        // A request alone is not enough; a decision to assess with the intention to name a special school is.
        var today = WaitingListWorld.Today;
        await world.RunAsync(() => world.Pupil(pupil).RequestEhcAssessmentAsync(today));
        Assert.Equal(ErrorCode.Conflict, (await world.RunAsync(() => world.Pupil(pupil).AddToWaitingListAsync(urn, today))).Error!.Code);
        await world.RunAsync(() => world.Pupil(pupil).RecordEhcpMilestoneAsync(EhcpMilestone.DecisionToAssess, today));
        Assert.Equal(ErrorCode.Conflict, (await world.RunAsync(() => world.Pupil(pupil).AddToWaitingListAsync(urn, today))).Error!.Code);
        Assert.Null((await world.RunAsync(() => world.Pupil(pupil).RecordEhcpSpecialSchoolIntentionAsync(today))).Error);
        Assert.Null((await world.RunAsync(() => world.Pupil(pupil).AddToWaitingListAsync(urn, today))).Error);
        var twice = await world.RunAsync(() => world.Pupil(pupil).AddToWaitingListAsync(urn, WaitingListWorld.Today));
        Assert.Equal(ErrorCode.Conflict, twice.Error!.Code);
    }

    [Fact]
    public async Task The_report_measures_current_waits_per_pupil_from_running_figures()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var a = await world.SpecialSchoolAsync(places: 1, placesTaken: 1);
        var b = await world.SpecialSchoolAsync(places: 1, placesTaken: 1);
        var days = new[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };
        foreach (var d in days) await world.AddAsync(await world.PupilAsync(), a, WaitingListWorld.Today.AddDays(-d));

        // A pupil on two lists waits once, from the earlier date.
        var twoLists = await world.PupilAsync();
        await world.AddAsync(twoLists, a, WaitingListWorld.Today.AddDays(-5));
        await world.AddAsync(twoLists, b, WaitingListWorld.Today.AddDays(-200));

        var report = await world.RunAsync(() => world.La.GetReportAsync());
        Assert.Equal(11, report.PupilsWaiting);
        Assert.Equal(60, report.SpecialSchoolWaitMedianDays);
        Assert.Equal(100, report.SpecialSchoolWaitP90Days);
        Assert.Equal(0, report.PupilsWaitingInAp);
    }

    [Fact]
    public async Task The_report_follows_changes_made_after_it_was_read()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var urn = await world.SpecialSchoolAsync(places: 1, placesTaken: 1);
        var first = await world.AddAsync(await world.PupilAsync(), urn, WaitingListWorld.Today.AddDays(-10));
        var before = await world.RunAsync(() => world.La.GetReportAsync());
        Assert.Equal(1, before.PupilsWaiting);
        Assert.Equal(10, before.SpecialSchoolWaitMedianDays);

        // The LA keeps its wait figures between reads; each change must still show in the next one.
        await world.AddAsync(await world.PupilAsync(), urn, WaitingListWorld.Today.AddDays(-30));
        await world.AddAsync(await world.PupilAsync(), urn, WaitingListWorld.Today.AddDays(-50));
        var added = await world.RunAsync(() => world.La.GetReportAsync());
        Assert.Equal(3, added.PupilsWaiting);
        Assert.Equal(30, added.SpecialSchoolWaitMedianDays);

        await world.RunAsync(() => world.School(urn).RemoveEntryAsync(first.Id));
        var removed = await world.RunAsync(() => world.La.GetReportAsync());
        Assert.Equal(2, removed.PupilsWaiting);
    }
}
