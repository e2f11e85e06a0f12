using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class EhcTimelineTests
{
    private static readonly DateOnly Requested = new(2025, 1, 6);

    [Fact]
    public void Decision_is_due_6_weeks_and_final_plan_20_weeks_after_the_request()
    {
        Assert.Equal(new DateOnly(2025, 2, 17), EhcTimeline.DecisionDue(Requested));
        Assert.Equal(new DateOnly(2025, 5, 26), EhcTimeline.FinalDue(Requested));
        Assert.Equal(42, EhcTimeline.DecisionDue(Requested).DayNumber - Requested.DayNumber);
        Assert.Equal(140, EhcTimeline.FinalDue(Requested).DayNumber - Requested.DayNumber);
    }

    [Fact]
    public void Issued_on_day_140_counts_as_within_20_weeks_but_day_141_does_not()
    {
        Assert.True(EhcTimeline.IssuedWithin20Weeks(Requested, Requested.AddDays(140)));
        Assert.False(EhcTimeline.IssuedWithin20Weeks(Requested, Requested.AddDays(141)));
        Assert.True(EhcTimeline.IssuedWithin20Weeks(Requested, Requested));
    }

    [Fact]
    public void Decision_on_day_42_counts_as_within_6_weeks_but_day_43_does_not()
    {
        Assert.True(EhcTimeline.DecisionWithin6Weeks(Requested, Requested.AddDays(42)));
        Assert.False(EhcTimeline.DecisionWithin6Weeks(Requested, Requested.AddDays(43)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(6, 0)]
    [InlineData(7, 1)]
    [InlineData(41, 5)]
    [InlineData(42, 6)]
    [InlineData(139, 19)]
    [InlineData(140, 20)]
    [InlineData(-1, 0)]
    [InlineData(-30, 0)]
    public void Weeks_elapsed_counts_whole_weeks_and_is_never_negative(int days, int weeks)
    {
        Assert.Equal(weeks, EhcTimeline.WeeksElapsed(Requested, Requested.AddDays(days)));
    }

    [Fact]
    public void Annual_review_is_due_12_months_after_issue_when_there_has_been_no_review()
    {
        Assert.Equal(new DateOnly(2026, 3, 15), EhcTimeline.AnnualReviewDue(new DateOnly(2025, 3, 15), null));
    }

    [Fact]
    public void Annual_review_is_due_12_months_after_the_last_review()
    {
        Assert.Equal(
            new DateOnly(2026, 11, 2),
            EhcTimeline.AnnualReviewDue(new DateOnly(2024, 6, 1), new DateOnly(2025, 11, 2)));
    }

    [Fact]
    public void Plan_issued_on_29_February_is_reviewed_by_28_February()
    {
        Assert.Equal(new DateOnly(2025, 2, 28), EhcTimeline.AnnualReviewDue(new DateOnly(2024, 2, 29), null));
    }

    [Fact]
    public void Review_on_29_February_moves_the_next_to_28_February()
    {
        Assert.Equal(
            new DateOnly(2025, 2, 28),
            EhcTimeline.AnnualReviewDue(new DateOnly(2023, 3, 1), new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void Review_on_28_February_before_a_leap_year_stays_on_28_February()
    {
        Assert.Equal(
            new DateOnly(2024, 2, 28),
            EhcTimeline.AnnualReviewDue(new DateOnly(2022, 2, 28), new DateOnly(2023, 2, 28)));
    }

    [Fact]
    public void A_review_before_the_plan_was_issued_is_rejected()
    {
        Expect.Validation(
            () => EhcTimeline.AnnualReviewDue(new DateOnly(2025, 3, 15), new DateOnly(2025, 3, 14)),
            "lastReviewOn");
    }
}
