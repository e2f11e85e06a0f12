using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ProviderAssuranceGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task A_non_school_provider_takes_a_pupil_only_once_approved_and_not_while_suspended_unless_overridden()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(registered: false), TestWorld.Availability(fullTime: 3, perSession: 2));
        var grains = new TenantGrains(Grains, tenant);
        var setting = grains.Setting(urn);

        var unassessed = await setting.ReservePlaceAsync(TestWorld.PartTime("a", Session.MonAm));
        Assert.Equal((ErrorCode.Validation, "apUrn"), (unassessed.Error!.Code, unassessed.Error.Field));
        Assert.StartsWith(ProviderStandingRules.ApprovedOnlyRule, unassessed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await setting.GetCapacityAsync())!.Sessions.Single(s => s.Session == Session.MonAm).Free);

        await TestWorld.ApproveAsync(Grains, tenant, urn);
        Assert.True((await setting.ReservePlaceAsync(TestWorld.PartTime("a", Session.MonAm))).Succeeded);
        Assert.Equal(ProviderDecision.Approved, (await setting.GetCapacityAsync())!.Profile.Approval!.Decision);

        var assurance = grains.Assurance(urn);
        Assert.True((await assurance.DecideAsync(ProviderDecision.Suspended, "Safeguarding concern under investigation", null, "la-1")).Succeeded);
        var suspended = await setting.ReservePlaceAsync(TestWorld.PartTime("b", Session.TueAm));
        Assert.Contains("Safeguarding concern under investigation", suspended.Error!.Message, StringComparison.Ordinal);

        Assert.True((await assurance.OverrideAsync("pupil-b", "Only provision the pupil will attend; daily check-ins", "la-1")).Succeeded);
        Assert.True((await setting.ReservePlaceAsync(TestWorld.PartTime("b", Session.TueAm))).Succeeded);
        Assert.False((await setting.ReservePlaceAsync(TestWorld.PartTime("c", Session.TueAm))).Succeeded);
    }

    [Fact]
    public async Task Every_change_is_a_new_version_saying_who_and_a_bad_date_changes_nothing()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(registered: false), TestWorld.Availability(fullTime: 1));
        var assurance = new TenantGrains(Grains, tenant).Assurance(urn);
        await TestWorld.ApproveAsync(Grains, tenant, urn);

        var future = await assurance.RecordDueDiligenceAsync(
            TestWorld.DueDiligence() with { SiteRiskAssessmentOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3) }, AssuranceChange.EvidenceDates, "ap-1", "AP_STAFF");
        var record = await assurance.GetAsync();

        Assert.Equal((ErrorCode.Validation, "siteRiskAssessmentOn"), (future.Error!.Code, future.Error.Field));
        Assert.Equal([AssuranceChange.DueDiligence, AssuranceChange.Decision], record.History.Select(v => v.Change));
        Assert.Equal([1, 2], record.History.Select(v => v.Version));
        Assert.All(record.History, v => Assert.Equal("la-1", v.By));
        Assert.Equal("Sam Patel", record.History[0].DueDiligence.DslName);
        Assert.Null(record.History[0].Decision);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(12).AddDays(-1), record.Decision!.ApprovedUntil);
    }

    [Fact]
    public async Task Approval_needs_the_essentials_and_a_refusal_or_suspension_needs_a_reason()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(registered: false), TestWorld.Availability(fullTime: 1));
        var assurance = new TenantGrains(Grains, tenant).Assurance(urn);

        var bare = await assurance.DecideAsync(ProviderDecision.Approved, null, null, "la-1");
        var unexplained = await assurance.DecideAsync(ProviderDecision.Suspended, " ", null, "la-1");

        Assert.Equal("decision", bare.Error!.Field);
        Assert.Equal("reason", unexplained.Error!.Field);
        Assert.Empty((await assurance.GetAsync()).History);
    }

    [Fact]
    public async Task A_lapse_is_raised_on_the_feed_once()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(registered: false), TestWorld.Availability(fullTime: 1));
        var grains = new TenantGrains(Grains, tenant);
        var assurance = grains.Assurance(urn);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await assurance.RecordDueDiligenceAsync(TestWorld.DueDiligence() with { InsuranceExpires = today.AddDays(10) }, AssuranceChange.DueDiligence, "la-1", "LA_OFFICER");
        await assurance.DecideAsync(ProviderDecision.ApprovedWithConditions, "Insurance renewal to be sent", null, "la-1");

        var again = await assurance.CheckAlertsAsync();
        var alerts = (await grains.Feed.ReadAsync(0, 100)).Where(e => e.Kind == ChangeKind.ProviderAlert).ToList();

        Assert.Empty(again);
        Assert.Equal($"{urn}#INSURANCE#{today.AddDays(10):yyyy-MM-dd}#EXPIRING", Assert.Single(alerts).SubjectId);
    }

    [Fact]
    public async Task A_profile_edit_keeps_the_approval_and_contacts_are_checked()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(registered: false), TestWorld.Availability(fullTime: 1));
        var setting = new TenantGrains(Grains, tenant).Setting(urn);
        await TestWorld.ApproveAsync(Grains, tenant, urn);

        var edited = await setting.UpdateProfileAsync(TestWorld.Profile(registered: false) with { Ukprn = "10012345", Approval = null });
        var noWayToReach = await setting.SetContactsAsync([new ContactRecord("Sam Patel", "DSL", null, null)]);

        Assert.Equal(("10012345", ProviderDecision.Approved), (edited.Value!.Profile.Ukprn, edited.Value.Profile.Approval!.Decision));
        Assert.Equal("contacts", noWayToReach.Error!.Field);
    }
}
