using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class ReferralRulesTests
{
    private static readonly string[] OneStrategy = ["Daily check-in with a key adult"];
    private static readonly string[] TwoMembers = ["Head of inclusion", "Educational psychologist"];
    private static readonly DateOnly Submitted = new(2025, 3, 3);
    private static readonly SchoolCalendar Calendar = new([DefaultTermDates.For(2024)]);

    [Theory]
    [InlineData(1)]
    [InlineData(2000)]
    public void Reason_of_1_or_2000_characters_is_accepted(int length)
    {
        Assert.Null(ReferralRules.ValidateSubmission(new string('a', length), OneStrategy));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Missing_or_blank_reason_is_rejected(string? reason)
    {
        Expect.Is(ReferralRules.ValidateSubmission(reason, OneStrategy), ErrorCode.Validation, "reason");
    }

    [Fact]
    public void Reason_of_2001_characters_is_rejected()
    {
        Expect.Is(ReferralRules.ValidateSubmission(new string('a', 2001), OneStrategy), ErrorCode.Validation, "reason");
    }

    [Fact]
    public void Reason_length_is_measured_after_trimming()
    {
        Assert.Null(ReferralRules.ValidateSubmission("  " + new string('a', 2000) + "  ", OneStrategy));
        Assert.Null(ReferralRules.ValidateSubmission("  a  ", OneStrategy));
    }

    [Fact]
    public void Reason_is_checked_before_strategies()
    {
        Expect.Is(ReferralRules.ValidateSubmission("", null), ErrorCode.Validation, "reason");
    }

    [Fact]
    public void No_strategies_is_rejected()
    {
        Expect.Is(ReferralRules.ValidateSubmission("reason", null), ErrorCode.Validation, "strategiesTried");
        Expect.Is(ReferralRules.ValidateSubmission("reason", []), ErrorCode.Validation, "strategiesTried");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void One_to_20_strategies_are_accepted(int count)
    {
        Assert.Null(ReferralRules.ValidateSubmission("reason", Enumerable.Repeat("Mentoring", count).ToArray()));
    }

    [Fact]
    public void Twenty_one_strategies_are_rejected()
    {
        var error = ReferralRules.ValidateSubmission("reason", Enumerable.Repeat("Mentoring", 21).ToArray());
        Expect.Is(error, ErrorCode.Validation, "strategiesTried");
        Assert.Contains("21", error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void A_blank_strategy_among_good_ones_is_rejected_and_named_by_position(string? bad)
    {
        var error = ReferralRules.ValidateSubmission("reason", ["Mentoring", bad!, "Reduced timetable"]);
        Expect.Is(error, ErrorCode.Validation, "strategiesTried");
        Assert.Contains("Strategy 2", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strategy_of_500_characters_is_accepted_and_501_rejected()
    {
        Assert.Null(ReferralRules.ValidateSubmission("reason", [new string('s', 500)]));
        Assert.Null(ReferralRules.ValidateSubmission("reason", [" " + new string('s', 500) + " "]));
        Expect.Is(ReferralRules.ValidateSubmission("reason", [new string('s', 501)]), ErrorCode.Validation, "strategiesTried");
    }

    [Fact]
    public void Decision_with_two_members_on_the_submission_day_or_today_is_accepted()
    {
        var today = Submitted.AddDays(10);
        Assert.Null(ReferralRules.ValidateDecision(TwoMembers, Submitted, Submitted, today));
        Assert.Null(ReferralRules.ValidateDecision(TwoMembers, today, Submitted, today));
        Assert.Null(ReferralRules.ValidateDecision(["A", "B", "C"], Submitted.AddDays(1), Submitted, today));
    }

    [Fact]
    public void Fewer_than_two_panel_members_is_rejected()
    {
        var today = Submitted.AddDays(10);
        Expect.Is(ReferralRules.ValidateDecision(null, Submitted, Submitted, today), ErrorCode.Validation, "panelMembers");
        Expect.Is(ReferralRules.ValidateDecision([], Submitted, Submitted, today), ErrorCode.Validation, "panelMembers");
        Expect.Is(ReferralRules.ValidateDecision(["Only one"], Submitted, Submitted, today), ErrorCode.Validation, "panelMembers");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_blank_panel_member_is_rejected(string? blank)
    {
        Expect.Is(
            ReferralRules.ValidateDecision(["A", "B", blank!], Submitted, Submitted, Submitted),
            ErrorCode.Validation,
            "panelMembers");
    }

    [Fact]
    public void The_same_person_listed_twice_is_not_a_panel()
    {
        Expect.Is(
            ReferralRules.ValidateDecision(["J Smith", " j smith "], Submitted, Submitted, Submitted),
            ErrorCode.Validation,
            "panelMembers");
    }

    [Fact]
    public void Decision_the_day_before_submission_is_rejected()
    {
        Expect.Is(
            ReferralRules.ValidateDecision(TwoMembers, Submitted.AddDays(-1), Submitted, Submitted.AddDays(5)),
            ErrorCode.Validation,
            "decidedOn");
    }

    [Fact]
    public void Decision_dated_tomorrow_is_rejected()
    {
        var today = Submitted.AddDays(5);
        Expect.Is(ReferralRules.ValidateDecision(TwoMembers, today.AddDays(1), Submitted, today), ErrorCode.Validation, "decidedOn");
    }

    public static TheoryData<ReferralStatus, ReferralStatus> Allowed => new()
    {
        { ReferralStatus.Submitted, ReferralStatus.Approved },
        { ReferralStatus.Submitted, ReferralStatus.Declined },
        { ReferralStatus.Submitted, ReferralStatus.Withdrawn },
        { ReferralStatus.Approved, ReferralStatus.Placed },
        { ReferralStatus.Approved, ReferralStatus.Withdrawn },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Lifecycle_transitions_are_allowed(ReferralStatus from, ReferralStatus to)
    {
        Assert.True(ReferralRules.CanTransition(from, to));
        Assert.Null(ReferralRules.CheckTransition(from, to));
    }

    [Fact]
    public void Exactly_five_of_the_25_pairs_are_allowed()
    {
        var all = Enum.GetValues<ReferralStatus>();
        var allowed = all.SelectMany(f => all.Select(t => (f, t))).Where(p => ReferralRules.CanTransition(p.f, p.t)).ToList();
        Assert.Equal(5, allowed.Count);
        foreach (var (from, to) in allowed)
        {
            Assert.Contains(Allowed, row => (ReferralStatus)row[0] == from && (ReferralStatus)row[1] == to);
        }
    }

    [Theory]
    [InlineData(ReferralStatus.Submitted, ReferralStatus.Submitted)]
    [InlineData(ReferralStatus.Submitted, ReferralStatus.Placed)]
    [InlineData(ReferralStatus.Approved, ReferralStatus.Declined)]
    [InlineData(ReferralStatus.Approved, ReferralStatus.Submitted)]
    [InlineData(ReferralStatus.Declined, ReferralStatus.Approved)]
    [InlineData(ReferralStatus.Withdrawn, ReferralStatus.Submitted)]
    [InlineData(ReferralStatus.Placed, ReferralStatus.Withdrawn)]
    public void Other_transitions_are_a_conflict_naming_both_states(ReferralStatus from, ReferralStatus to)
    {
        Assert.False(ReferralRules.CanTransition(from, to));
        var error = ReferralRules.CheckTransition(from, to);
        Expect.Is(error, ErrorCode.Conflict, "referralId");
        Assert.Contains(from.ToString().ToUpperInvariant(), error!.Message, StringComparison.Ordinal);
        Assert.Contains(to.ToString().ToUpperInvariant(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Final_states_allow_no_transition()
    {
        foreach (var final in new[] { ReferralStatus.Declined, ReferralStatus.Withdrawn, ReferralStatus.Placed })
        {
            Assert.All(Enum.GetValues<ReferralStatus>(), to => Assert.False(ReferralRules.CanTransition(final, to)));
        }
    }

    [Fact]
    public void A_start_from_an_approved_referral_with_consent_and_notice_is_allowed()
    {
        Assert.Null(ReferralRules.CheckAllowsStart(Calendar, ReferralStatus.Approved, parentalConsent: true, Submitted, Submitted.AddDays(14)));
    }

    [Fact]
    public void A_start_from_a_referral_the_panel_has_not_decided_is_a_conflict_on_the_referral()
    {
        Expect.Is(ReferralRules.CheckAllowsStart(Calendar, ReferralStatus.Submitted, parentalConsent: true, Submitted, Submitted.AddDays(14)), ErrorCode.Conflict, "referralId");
    }

    [Theory]
    [InlineData(ReferralStatus.Declined)]
    [InlineData(ReferralStatus.Withdrawn)]
    [InlineData(ReferralStatus.Placed)]
    public void A_start_from_a_closed_referral_is_a_conflict_on_the_referral(ReferralStatus status)
    {
        Expect.Is(ReferralRules.CheckAllowsStart(Calendar, status, parentalConsent: true, Submitted, Submitted.AddDays(14)), ErrorCode.Conflict, "referralId");
    }

    [Fact]
    public void An_approved_referral_without_consent_follows_the_consent_rule()
    {
        Assert.Equal(
            ConsentRules.CheckStart(Calendar, false, null, Submitted.AddDays(14)),
            ReferralRules.CheckAllowsStart(Calendar, ReferralStatus.Approved, parentalConsent: false, null, Submitted.AddDays(14)));
    }
}
