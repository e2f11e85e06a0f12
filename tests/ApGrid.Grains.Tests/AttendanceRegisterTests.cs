using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AttendanceRegisterTests(ClusterFixture fixture)
{
    private const string HomeSchool = "100001";

    private IGrainFactory Grains => fixture.Cluster.Client;

    /// <summary>The latest weekday up to today in the UK: a day with two sessions whatever day the test runs.</summary>
    private static DateOnly LastWeekday()
    {
        var day = DateOnly.FromDateTime(AttendanceRules.UkLocal(DateTimeOffset.UtcNow));
        while (AttendanceRules.SessionOn(day, true) is null) day = day.AddDays(-1);
        return day;
    }

    private static PupilRecord Pupil(string serial)
    {
        var last12 = "901" + "4001" + "25" + serial;
        var dateOfBirth = SchoolYear.AcademicYearStart(DateOnly.FromDateTime(DateTime.UtcNow)).AddYears(-13).AddDays(40);
        return new PupilRecord(Upn.CheckLetterFor(last12) + last12, "AT", dateOfBirth, HomeSchool, SenProvision.SenSupport, NeedType.Semh, LookedAfter: false);
    }

    private static async Task PlaceAsync(IPupilGrain pupil, string serial, string placementId, string urn, DateOnly day, bool fullTime, params Session[] sessions)
    {
        Assert.True((await pupil.RegisterAsync(Pupil(serial))).Succeeded);
        var placed = await pupil.StartPlacementAsync(new PlacementRequest(placementId, urn, day.AddDays(-14), day.AddDays(56), fullTime, sessions));
        Assert.True(placed.Succeeded, placed.Error?.Message);
    }

    [Fact]
    public async Task An_upload_is_stored_whole_once_and_reaches_the_placement_and_the_LA()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 2, perSession: 2));
        var grains = new TenantGrains(Grains, tenant);
        var day = LastWeekday();
        var am = AttendanceRules.SessionOn(day, true)!.Value;
        var pm = AttendanceRules.SessionOn(day, false)!.Value;
        await PlaceAsync(grains.Pupil("p-a1"), "101", "pl-a1", urn, day, fullTime: true);
        await PlaceAsync(grains.Pupil("p-a2"), "102", "pl-a2", urn, day, fullTime: false, am);
        var register = grains.Register(urn, day);
        var writer = new RegisterWriter("AP_STAFF " + urn, null);
        RegisterMarkRow[] rows = [new("p-a1", am, AttendanceCode.Present), new("p-a1", pm, AttendanceCode.UnauthorisedAbsence), new("p-a2", am, AttendanceCode.LateBeforeRegisterClosed)];

        var first = await register.RecordAsync(rows, writer);
        var again = await register.RecordAsync(rows, writer);

        Assert.True(first.Succeeded, first.Error?.Message);
        Assert.Equal(3, again.Value!.Marks.Count);
        Assert.Equal(first.Value!.Marks.Select(m => m.RecordedAt), again.Value.Marks.Select(m => m.RecordedAt));
        Assert.Equal([[am, pm], [am]], first.Value.Expected.Select(e => e.Sessions));
        var attendance = await grains.PlacementAttendance("pl-a1").GetAsync(day);
        Assert.Equal(new AttendanceCounts(2, 1, 0, 1, 0), attendance.ToDate);
        Assert.Equal(new AttendanceCounts(1, 1, 0, 0, 0), (await grains.PlacementAttendance("pl-a2").GetAsync(day)).Week);
        var bands = await grains.La.GetAttendanceBandsAsync();
        Assert.Equal(1, bands[AttendanceBand.FiftyToUnderNinety]);
        Assert.Equal(1, bands[AttendanceBand.NinetyPercentOrMore]);

        // A correction replaces the mark; the figures follow it.
        Assert.True((await register.RecordAsync([new("p-a1", pm, AttendanceCode.Illness)], writer)).Succeeded);
        Assert.Equal(new AttendanceCounts(2, 1, 1, 0, 0), (await grains.PlacementAttendance("pl-a1").GetAsync(day)).ToDate);
    }

    [Fact]
    public async Task A_refused_row_refuses_the_upload_naming_the_row_and_changes_nothing()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 2, perSession: 2));
        var grains = new TenantGrains(Grains, tenant);
        var day = LastWeekday();
        var am = AttendanceRules.SessionOn(day, true)!.Value;
        var pm = AttendanceRules.SessionOn(day, false)!.Value;
        var otherDay = Sessions.All.First(s => !AttendanceRules.FallsOn(s, day));
        await PlaceAsync(grains.Pupil("p-b1"), "111", "pl-b1", urn, day, fullTime: false, am);
        var register = grains.Register(urn, day);
        var staff = new RegisterWriter("AP_STAFF " + urn, null);
        var good = new RegisterMarkRow("p-b1", am, AttendanceCode.Present);

        var notPlaced = await register.RecordAsync([good, new("p-nobody", am, AttendanceCode.Present)], staff);
        var notExpected = await register.RecordAsync([good, new("p-b1", pm, AttendanceCode.Present)], staff);
        var wrongDay = await register.RecordAsync([new("p-b1", otherDay, AttendanceCode.Present)], staff);
        var unknownCode = await register.RecordAsync([good, new("p-b1", am, (AttendanceCode)99)], staff);
        var twice = await register.RecordAsync([good, new("p-b1", am, AttendanceCode.Illness)], staff);
        var otherSchool = await register.RecordAsync([good], new RegisterWriter("SCHOOL_STAFF 100002", "100002"));
        var future = await grains.Register(urn, day.AddDays(7)).RecordAsync([good], staff);

        Assert.Equal(("marks[1].pupilId", ErrorCode.Validation), (notPlaced.Error!.Field, notPlaced.Error.Code));
        Assert.Equal("marks[1].session", notExpected.Error!.Field);
        Assert.Equal("marks[0].session", wrongDay.Error!.Field);
        Assert.Equal("marks[1].code", unknownCode.Error!.Field);
        Assert.Equal("marks[1].session", twice.Error!.Field);
        Assert.Equal(("marks[0].pupilId", ErrorCode.Forbidden), (otherSchool.Error!.Field, otherSchool.Error.Code));
        Assert.Equal("date", future.Error!.Field);
        Assert.Empty((await register.GetAsync()).Marks);

        var ownSchool = await register.RecordAsync([good], new RegisterWriter("SCHOOL_STAFF " + HomeSchool, HomeSchool));
        Assert.True(ownSchool.Succeeded, ownSchool.Error?.Message);
    }

    [Fact]
    public async Task A_missing_mark_raises_one_alert_however_often_the_sweep_runs()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 2, perSession: 2));
        var grains = new TenantGrains(Grains, tenant);
        var day = LastWeekday();
        var am = AttendanceRules.SessionOn(day, true)!.Value;
        await PlaceAsync(grains.Pupil("p-c1"), "121", "pl-c1", urn, day, fullTime: true);
        await PlaceAsync(grains.Pupil("p-c2"), "122", "pl-c2", urn, day, fullTime: true);
        var register = grains.Register(urn, day);
        Assert.True((await register.RecordAsync([new("p-c2", am, AttendanceCode.Present)], new RegisterWriter("AP_STAFF " + urn, null))).Succeeded);
        var feedBefore = await grains.Feed.GetLastSequenceAsync();

        var first = await register.RaiseNotArrivedAsync(morning: true);
        var second = await register.RaiseNotArrivedAsync(morning: true);

        var alert = Assert.Single(first);
        Assert.Equal(("p-c1", am, HomeSchool), (alert.PupilId, alert.Session, alert.HomeSchoolUrn));
        Assert.Empty(second);
        var entries = (await grains.Feed.ReadAsync(feedBefore, 100)).Where(e => e.Kind == ChangeKind.NotArrived).ToList();
        Assert.Equal(alert.FeedSubject, Assert.Single(entries).SubjectId);
        Assert.Equal(HomeSchool, NotArrivedAlert.HomeSchoolOf(entries[0].SubjectId));
        Assert.Equal([alert], await register.GetNotArrivedAsync());
    }
}
