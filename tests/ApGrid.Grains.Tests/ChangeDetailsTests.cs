using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

/// <summary>What a feed entry says a change did, from the state before and after it; no cluster needed.</summary>
public sealed class ChangeDetailsTests
{
    private static readonly DateOnly Start = new(2026, 9, 14);

    private static readonly PlacementRecord Running = new(
        "p1-pl1", "140001", Start, Start.AddDays(84), FullTime: false, [Session.MonAm, Session.TuePm], Registration.Subsidiary,
        EndDate: null, ReferralId: "p1-r1", ["Reintegration"], 6, Reviews: [], Outcome: null, CheckInDue: null);

    [Fact]
    public void A_new_placement_is_started_with_every_field_it_has_and_no_old_values()
    {
        var detail = ChangeDetails.Placement(null, Running, "LA_OFFICER");

        Assert.Equal(ChangeAction.PlacementStarted, detail.Action);
        Assert.Equal("A placement started.", detail.Summary);
        Assert.Equal("LA_OFFICER", detail.ActorRole);
        Assert.All(detail.Fields, f => Assert.Null(f.From));
        Assert.Contains(new ChangedField("sessions", null, "MON_AM,TUE_PM"), detail.Fields);
        Assert.Contains(new ChangedField("status", null, "ACTIVE"), detail.Fields);
        Assert.Contains(new ChangedField("startDate", null, "2026-09-14"), detail.Fields);
    }

    [Fact]
    public void Ending_a_placement_says_ended_with_only_what_changed_and_the_outcome_in_the_schema_s_words()
    {
        var ended = Running with { EndDate = Start.AddDays(30), Outcome = PlacementOutcome.ReturnedToMainstream };

        var detail = ChangeDetails.Placement(Running, ended, "AP_STAFF");

        Assert.Equal(ChangeAction.PlacementEnded, detail.Action);
        Assert.Equal(
            [new("status", "ACTIVE", "ENDED"), new("endDate", null, "2026-10-14"), new ChangedField("outcome", null, "RETURNED_TO_MAINSTREAM")],
            detail.Fields);
    }

    [Fact]
    public void A_review_is_an_update_naming_the_fields_in_its_summary_without_their_values()
    {
        var reviewed = Running with { Reviews = [new PlacementReviewRecord(Start.AddDays(28), 91.5, 0, 3, 4, "Settled")] };

        var detail = ChangeDetails.Placement(Running, reviewed, "AP_STAFF");

        Assert.Equal(ChangeAction.PlacementUpdated, detail.Action);
        Assert.Equal([new ChangedField("reviews", "0", "1")], detail.Fields);
        Assert.Equal("A placement changed: reviews.", detail.Summary);
    }

    [Fact]
    public void Referrals_are_submitted_then_decided()
    {
        var submitted = new ReferralRecord("p1-r1", Start, "Reason", ["Strategy"], ReferralStatus.Submitted, null, [], false, null, null);
        var decided = submitted with { Status = ReferralStatus.Approved, DecidedOn = Start.AddDays(3), PanelMembers = ["A", "B"] };

        Assert.Equal(ChangeAction.ReferralSubmitted, ChangeDetails.Referral(null, submitted, "SCHOOL_STAFF").Action);
        var detail = ChangeDetails.Referral(submitted, decided, "LA_OFFICER");
        Assert.Equal(ChangeAction.ReferralDecided, detail.Action);
        Assert.Contains(new ChangedField("status", "SUBMITTED", "APPROVED"), detail.Fields);
        Assert.Contains(new ChangedField("panelMembers", "0", "2"), detail.Fields);
        Assert.DoesNotContain(detail.Fields, f => f.Field == "reason");
    }

    [Fact]
    public void An_EHC_case_changing_stage_is_told_apart_from_one_gaining_a_date()
    {
        var requested = new EhcpCaseRecord(Start, EhcpStage.Requested, null, null, null, Start);
        var assessing = requested with { Stage = EhcpStage.Assessing, DecisionOn = Start.AddDays(20) };
        var intended = assessing with { SpecialSchoolIntendedOn = Start.AddDays(30) };

        Assert.Equal(ChangeAction.EhcpStageChanged, ChangeDetails.Ehcp(null, requested, "LA_OFFICER").Action);
        var moved = ChangeDetails.Ehcp(requested, assessing, "LA_OFFICER");
        Assert.Equal(ChangeAction.EhcpStageChanged, moved.Action);
        Assert.Contains(new ChangedField("stage", "REQUESTED", "ASSESSING"), moved.Fields);
        var updated = ChangeDetails.Ehcp(assessing, intended, "LA_OFFICER");
        Assert.Equal(ChangeAction.EhcpUpdated, updated.Action);
        Assert.Equal([new ChangedField("specialSchoolIntendedOn", null, "2026-10-14")], updated.Fields);
    }

    [Fact]
    public void Capacity_says_what_is_free_now_and_which_session_changed()
    {
        var profile = new ApSettingProfile("Riverside PRU", ApSettingType.PupilReferralUnit, true, [KeyStage.Ks3], [NeedType.Semh], new Location(52.9, -1.1));
        var before = new ApCapacitySnapshot("140001", profile, 4, 2, [new SessionCapacity(Session.TuePm, 3, 1)], 10, 4, DateTimeOffset.UnixEpoch, 1);
        var after = before with { Sessions = [new SessionCapacity(Session.TuePm, 3, 0)], Version = 2 };

        var detail = ChangeDetails.Capacity(before, after, "AP_STAFF");

        Assert.Equal(ChangeAction.CapacityChanged, detail.Action);
        Assert.Equal([new ChangedField("sessions.TUE_PM.free", "1", "0")], detail.Fields);
        Assert.Equal("Riverside PRU: 2 of 4 full-time places free; changed sessions.TUE_PM.free.", detail.Summary);
    }

    [Theory]
    [InlineData(EhcDeadlineKind.AnnualReview, ChangeAction.ReviewOverdue)]
    [InlineData(EhcDeadlineKind.ReviewDecision, ChangeAction.ReviewOverdue)]
    [InlineData(EhcDeadlineKind.PhaseTransfer, ChangeAction.ReviewOverdue)]
    [InlineData(EhcDeadlineKind.Decision, ChangeAction.DeadlineOverdue)]
    [InlineData(EhcDeadlineKind.NotIssueNotice, ChangeAction.DeadlineOverdue)]
    [InlineData(EhcDeadlineKind.Final, ChangeAction.DeadlineOverdue)]
    public void An_overdue_deadline_carries_its_due_date_and_kind_and_no_actor(EhcDeadlineKind kind, ChangeAction action)
    {
        var detail = ChangeDetails.DeadlineOverdue(kind, Start);

        Assert.Equal(action, detail.Action);
        Assert.Equal(Start, detail.DueOn);
        Assert.Null(detail.ActorRole);
        Assert.Equal([new ChangedField("deadline", null, EhcDeadlines.SchemaName(kind))], detail.Fields);
        Assert.EndsWith("is overdue (due 2026-09-14).", detail.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pupil_entry_without_pupil_values_keeps_the_field_names_and_the_summary_and_capacity_keeps_its_values()
    {
        var pupil = new ChangeEntry(7, ChangeKind.Placement, DateTimeOffset.UnixEpoch, "p1-pl1", ChangeDetails.Placement(null, Running, "LA_OFFICER"));
        var capacity = new ChangeEntry(8, ChangeKind.Capacity, DateTimeOffset.UnixEpoch, "140001", new ChangeDetail(ChangeAction.CapacityChanged, "x", [new("fullTimePlaces", "1", "2")], null));

        var cut = pupil.WithoutPupilValues();

        Assert.Equal(pupil.Detail!.Fields.Select(f => f.Field), cut.Detail!.Fields.Select(f => f.Field));
        Assert.All(cut.Detail.Fields, f => Assert.True(f.From is null && f.To is null));
        Assert.Equal(pupil.Detail.Summary, cut.Detail.Summary);
        Assert.Same(capacity, capacity.WithoutPupilValues());
    }
}
