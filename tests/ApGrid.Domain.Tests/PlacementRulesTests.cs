using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class PlacementRulesTests
{
    private static readonly DateOnly Start = new(2025, 3, 3);
    private static readonly string[] OneObjective = ["Attend 4 mornings a week"];

    [Fact]
    public void A_plan_ending_the_day_after_start_or_exactly_two_years_later_is_valid()
    {
        Assert.Null(PlacementRules.ValidatePlan(Start, Start.AddDays(1), 6, OneObjective));
        Assert.Null(PlacementRules.ValidatePlan(Start, Start.AddYears(2), 6, OneObjective));
    }

    [Fact]
    public void A_plan_ending_on_or_before_the_start_is_rejected()
    {
        Expect.Is(PlacementRules.ValidatePlan(Start, Start, 6, OneObjective), ErrorCode.Validation, "plannedEndDate");
        Expect.Is(PlacementRules.ValidatePlan(Start, Start.AddDays(-1), 6, OneObjective), ErrorCode.Validation, "plannedEndDate");
    }

    [Fact]
    public void A_plan_a_day_longer_than_two_years_is_rejected()
    {
        Expect.Is(PlacementRules.ValidatePlan(Start, Start.AddYears(2).AddDays(1), 6, OneObjective), ErrorCode.Validation, "plannedEndDate");
    }

    [Fact]
    public void Two_years_from_a_leap_day_ends_on_28_February()
    {
        var leapDay = new DateOnly(2024, 2, 29);
        Assert.Null(PlacementRules.ValidatePlan(leapDay, new DateOnly(2026, 2, 28), 6, OneObjective));
        Expect.Is(PlacementRules.ValidatePlan(leapDay, new DateOnly(2026, 3, 1), 6, OneObjective), ErrorCode.Validation, "plannedEndDate");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Reviews_every_1_to_7_weeks_are_valid(int weeks)
    {
        Assert.Null(PlacementRules.ValidatePlan(Start, Start.AddMonths(3), weeks, OneObjective));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Reviews_less_than_half_termly_or_not_at_all_are_rejected(int weeks)
    {
        Expect.Is(PlacementRules.ValidatePlan(Start, Start.AddMonths(3), weeks, OneObjective), ErrorCode.Validation, "reviewEveryWeeks");
    }

    [Fact]
    public void A_plan_needs_1_to_20_non_blank_objectives()
    {
        var end = Start.AddMonths(3);
        Expect.Is(PlacementRules.ValidatePlan(Start, end, 6, null), ErrorCode.Validation, "objectives");
        Expect.Is(PlacementRules.ValidatePlan(Start, end, 6, []), ErrorCode.Validation, "objectives");
        Assert.Null(PlacementRules.ValidatePlan(Start, end, 6, Enumerable.Repeat("Objective", 20).ToArray()));
        Expect.Is(PlacementRules.ValidatePlan(Start, end, 6, Enumerable.Repeat("Objective", 21).ToArray()), ErrorCode.Validation, "objectives");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t")]
    [InlineData(null)]
    public void A_blank_objective_is_rejected_by_position(string? blank)
    {
        var error = PlacementRules.ValidatePlan(Start, Start.AddMonths(3), 6, ["Attend", blank!]);
        Expect.Is(error, ErrorCode.Validation, "objectives");
        Assert.Contains("Objective 2", error!.Message, StringComparison.Ordinal);
    }

    // Default 2024/25 and 2025/26: spring 2 runs to 11 April 2025, Easter break 14 to 25 April.
    private static readonly SchoolCalendar Calendar = new([DefaultTermDates.For(2024), DefaultTermDates.For(2025)]);

    [Fact]
    public void Next_review_counts_from_the_start_until_the_first_review()
    {
        Assert.Equal(Start.AddDays(7), PlacementRules.NextReviewDue(Calendar, Start, 1, null));
        Assert.Equal(Start.AddDays(35), PlacementRules.NextReviewDue(Calendar, Start, 5, null));
    }

    [Fact]
    public void Next_review_counts_term_weeks_so_a_holiday_stops_the_clock()
    {
        Assert.Equal(new DateOnly(2025, 4, 28), PlacementRules.NextReviewDue(Calendar, Start, 6, null));
        Assert.Equal(new DateOnly(2025, 5, 5), PlacementRules.NextReviewDue(Calendar, Start, 7, null));
    }

    [Fact]
    public void Next_review_counts_from_the_last_review_held()
    {
        var last = Start.AddDays(7);
        Assert.Equal(last.AddDays(28), PlacementRules.NextReviewDue(Calendar, Start, 4, last));
        Assert.Equal(Start.AddDays(28), PlacementRules.NextReviewDue(Calendar, Start, 4, Start));
    }

    [Fact]
    public void Next_review_refuses_an_interval_the_plan_would_refuse_or_a_review_before_the_start()
    {
        Expect.Validation(() => PlacementRules.NextReviewDue(Calendar, Start, 0, null), "reviewEveryWeeks");
        Expect.Validation(() => PlacementRules.NextReviewDue(Calendar, Start, 8, null), "reviewEveryWeeks");
        Expect.Validation(() => PlacementRules.NextReviewDue(Calendar, Start, 4, Start.AddDays(-1)), "lastReviewOn");
    }

    [Fact]
    public void A_review_is_overdue_only_after_its_due_date()
    {
        var due = Start.AddDays(42);
        Assert.False(PlacementRules.IsReviewOverdue(due, due.AddDays(-1)));
        Assert.False(PlacementRules.IsReviewOverdue(due, due));
        Assert.True(PlacementRules.IsReviewOverdue(due, due.AddDays(1)));
    }

    [Fact]
    public void Part_time_pupils_are_dual_registered_main_at_school_subsidiary_at_the_ap()
    {
        Assert.Equal(Registration.Subsidiary, PlacementRules.ApRegistration(fullTime: false));
        Assert.Equal(Registration.Main, PlacementRules.SchoolRegistration(fullTime: false));
    }

    [Fact]
    public void Full_time_pupils_are_single_registered_at_the_ap_and_off_the_school_roll()
    {
        Assert.Equal(Registration.Single, PlacementRules.ApRegistration(fullTime: true));
        Assert.Null(PlacementRules.SchoolRegistration(fullTime: true));
    }

    [Fact]
    public void An_amendment_takes_effect_within_the_placement_and_no_later_than_today()
    {
        var start = new DateOnly(2025, 1, 6);
        var end = start.AddDays(84);
        var today = start.AddDays(30);
        Assert.Null(PlacementRules.ValidateAmendment(today, start, end, today));
        Expect.Is(PlacementRules.ValidateAmendment(start.AddDays(-1), start, end, today), ErrorCode.Validation, "effectiveFrom");
        Expect.Is(PlacementRules.ValidateAmendment(today.AddDays(1), start, end, today), ErrorCode.Validation, "effectiveFrom");
        Expect.Is(PlacementRules.ValidateAmendment(today, start, today, today), ErrorCode.Validation, "plannedEndDate");
        Expect.Is(PlacementRules.ValidateAmendment(today, start, start.AddYears(2).AddDays(1), today), ErrorCode.Validation, "plannedEndDate");
    }

    [Fact]
    public void A_placement_not_yet_started_changes_from_its_start_and_no_other_future_day()
    {
        var today = new DateOnly(2025, 1, 6);
        var start = today.AddDays(7);
        var end = start.AddDays(84);
        Assert.Null(PlacementRules.ValidateAmendment(start, start, end, today));
        Expect.Is(PlacementRules.ValidateAmendment(start.AddDays(1), start, end, today), ErrorCode.Validation, "effectiveFrom");
        Expect.Is(PlacementRules.ValidateAmendment(today, start, end, today), ErrorCode.Validation, "effectiveFrom");
    }

    [Fact]
    public void A_placement_overruns_only_while_active_after_its_planned_end()
    {
        var end = new DateOnly(2025, 3, 3);
        Assert.False(PlacementRules.IsOverrunning(end, null, end));
        Assert.True(PlacementRules.IsOverrunning(end, null, end.AddDays(1)));
        Assert.False(PlacementRules.IsOverrunning(end, end.AddDays(5), end.AddDays(9)));
    }

    [Fact]
    public void A_plan_starting_in_year_9999_is_refused_by_its_field_rather_than_overflowing()
    {
        Expect.Is(PlacementRules.ValidatePlan(new DateOnly(9999, 12, 1), new DateOnly(9999, 12, 31), 6, OneObjective), ErrorCode.Validation, "startDate");
        Expect.Is(PlacementRules.ValidatePlan(Start, DateOnly.MaxValue, 6, OneObjective), ErrorCode.Validation, "plannedEndDate");
    }
}
