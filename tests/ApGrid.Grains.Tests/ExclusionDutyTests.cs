using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ExclusionDutyTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    /// <summary>A school day about two months back, so its day 6 has passed whatever today is.</summary>
    private async Task<(DateOnly Start, SchoolCalendar Calendar)> PastSchoolDayAsync(WaitingListWorld world)
    {
        var today = WaitingListWorld.Today;
        var calendar = await world.RunAsync(() => Grains.GetGrain<ISchoolCalendarGrain>(world.Tenant).GetCalendarAsync(today.AddDays(-60), today, "100001"));
        var start = calendar.NextSchoolDayOnOrAfter(today.AddDays(-60));
        Assert.True(calendar.AddSchoolDays(start, 5) < today, "the test needs day 6 behind today");
        return (start, calendar);
    }

    [Fact]
    public async Task A_permanent_exclusion_with_no_provision_by_day_six_is_raised_once_and_listed_overdue_for_the_la()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var pupil = await world.PupilAsync(SenProvision.SenSupport);
        var (start, calendar) = await PastSchoolDayAsync(world);

        var recorded = await world.RunAsync(() => world.Pupil(pupil).RecordExclusionAsync(ExclusionKind.PermanentExclusion, start, null, ExclusionReason.PhysicalAssaultAgainstAnAdult));

        var exclusion = Assert.Single(recorded.Value!.Exclusions!);
        Assert.Equal(calendar.AddSchoolDays(start, 5), exclusion.SixthDay);
        Assert.Equal(ExclusionDutyHolder.LocalAuthority, exclusion.DutyHolder);
        var feed = Grains.GetGrain<IChangeFeedGrain>(world.Tenant);
        var before = await world.RunAsync(() => feed.GetLastSequenceAsync());
        var first = await world.RunAsync(() => world.La.CheckExclusionDutiesAsync());
        var second = await world.RunAsync(() => world.La.CheckExclusionDutiesAsync());

        Assert.Equal([exclusion.Id], first);
        Assert.Empty(second);
        var entries = await world.RunAsync(() => feed.ReadAsync(before, 100));
        Assert.Equal([(ChangeKind.ExclusionDutyOverdue, exclusion.Id)], entries.Where(e => e.Kind == ChangeKind.ExclusionDutyOverdue).Select(e => (e.Kind, e.SubjectId)));
        var duty = Assert.Single(await world.RunAsync(() => world.La.GetExclusionDutiesAsync()));
        Assert.Equal((exclusion.Id, pupil, false, true), (duty.Entry.ExclusionId, duty.Entry.PupilId, duty.ProvisionRecorded, duty.Overdue));
    }

    [Fact]
    public async Task A_reinstated_exclusion_leaves_the_list_and_a_short_suspension_never_reaches_it()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var pupil = await world.PupilAsync(SenProvision.SenSupport);
        var (start, calendar) = await PastSchoolDayAsync(world);
        var grain = world.Pupil(pupil);

        await world.RunAsync(() => grain.RecordExclusionAsync(ExclusionKind.Suspension, start, 10, ExclusionReason.Bullying));
        Assert.Empty(await world.RunAsync(() => world.La.GetExclusionDutiesAsync()));

        var later = await world.RunAsync(() => grain.RecordExclusionAsync(ExclusionKind.PermanentExclusion, calendar.AddSchoolDays(start, 10), null, ExclusionReason.Damage));
        var permanent = later.Value!.Exclusions![^1];
        Assert.Single(await world.RunAsync(() => world.La.GetExclusionDutiesAsync()));

        var again = await world.RunAsync(() => grain.RecordExclusionAsync(ExclusionKind.Suspension, calendar.AddSchoolDays(start, 12), 2, ExclusionReason.Bullying));
        Assert.Equal((ErrorCode.Conflict, "pupilId"), (again.Error!.Code, again.Error.Field));

        var reinstated = await world.RunAsync(() => grain.ReinstateExclusionAsync(permanent.Id, WaitingListWorld.Today));
        Assert.Equal(WaitingListWorld.Today, reinstated.Value!.Exclusions![^1].ReinstatedOn);
        Assert.Empty(await world.RunAsync(() => world.La.GetExclusionDutiesAsync()));
        Assert.Empty(await world.RunAsync(() => world.La.CheckExclusionDutiesAsync()));
    }

    [Fact]
    public async Task A_refused_exclusion_changes_nothing()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var pupil = await world.PupilAsync(SenProvision.SenSupport);
        var (start, _) = await PastSchoolDayAsync(world);

        var refused = await world.RunAsync(() => world.Pupil(pupil).RecordExclusionAsync(ExclusionKind.PermanentExclusion, start, 4, ExclusionReason.Other));

        Assert.Equal((ErrorCode.Validation, "sessions"), (refused.Error!.Code, refused.Error.Field));
        Assert.Empty((await world.RunAsync(() => world.Pupil(pupil).GetAsync()))!.Exclusions!);
    }
}
