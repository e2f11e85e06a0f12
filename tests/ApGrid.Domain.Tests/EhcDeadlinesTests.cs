namespace ApGrid.Domain.Tests;

public sealed class EhcDeadlinesTests
{
    private static readonly DateOnly Requested = new(2027, 1, 4);

    private static EhcCaseFacts Case(
        EhcpStage stage = EhcpStage.Requested, DateOnly? decision = null, DateOnly? draft = null, DateOnly? final = null,
        DateOnly? notIssued = null, IReadOnlyList<EhcReviewDates>? reviews = null, DateOnly? ceased = null, DateOnly? born = null) =>
        new(Requested, stage, decision, draft, final, notIssued, reviews ?? [], ceased, born);

    private static EhcDeadline Only(EhcCaseFacts facts, EhcDeadlineKind kind, DateOnly asOf) =>
        Assert.Single(EhcDeadlines.For(facts, asOf), d => d.Kind == kind);

    private static void AssertBoundary(EhcDeadline deadline, DateOnly due)
    {
        Assert.Equal(due, deadline.DueOn);
        Assert.False(deadline.IsOverdueOn(due.AddDays(-1)));
        Assert.False(deadline.IsOverdueOn(due));
        Assert.True(deadline.IsOverdueOn(due.AddDays(1)));
    }

    [Fact]
    public void Decision_to_assess_is_due_6_weeks_after_the_request() =>
        AssertBoundary(Only(Case(), EhcDeadlineKind.Decision, Requested), new DateOnly(2027, 2, 15));

    [Fact]
    public void Notice_not_to_issue_is_owed_at_16_weeks_only_while_assessing_without_a_draft()
    {
        var assessing = Case(EhcpStage.Assessing, decision: Requested.AddDays(30));
        AssertBoundary(Only(assessing, EhcDeadlineKind.NotIssueNotice, Requested), Requested.AddDays(112));

        Assert.DoesNotContain(EhcDeadlines.For(Case(), Requested), d => d.Kind == EhcDeadlineKind.NotIssueNotice);
        Assert.DoesNotContain(EhcDeadlines.For(Case(EhcpStage.NotAssessed, decision: Requested.AddDays(30)), Requested), d => d.Kind == EhcDeadlineKind.NotIssueNotice);
        Assert.DoesNotContain(
            EhcDeadlines.For(Case(EhcpStage.DraftIssued, decision: Requested.AddDays(30), draft: Requested.AddDays(90)), Requested),
            d => d.Kind == EhcDeadlineKind.NotIssueNotice);

        var notice = Only(Case(EhcpStage.NotIssued, decision: Requested.AddDays(30), notIssued: Requested.AddDays(100)), EhcDeadlineKind.NotIssueNotice, Requested.AddDays(200));
        Assert.Equal(Requested.AddDays(100), notice.MetOn);
        Assert.False(notice.IsOverdueOn(Requested.AddDays(200)));
    }

    [Fact]
    public void Final_plan_is_due_20_weeks_after_the_request_unless_no_plan_is_owed()
    {
        AssertBoundary(Only(Case(), EhcDeadlineKind.Final, Requested), Requested.AddDays(140));
        Assert.DoesNotContain(EhcDeadlines.For(Case(EhcpStage.NotAssessed, decision: Requested.AddDays(10)), Requested), d => d.Kind == EhcDeadlineKind.Final);
    }

    [Fact]
    public void A_met_deadline_is_never_overdue_even_when_met_late()
    {
        var late = Only(Case(EhcpStage.Assessing, decision: Requested.AddDays(50)), EhcDeadlineKind.Decision, Requested.AddDays(300));
        Assert.Equal(Requested.AddDays(50), late.MetOn);
        Assert.False(late.IsOverdueOn(Requested.AddDays(300)));
    }

    [Fact]
    public void Annual_reviews_chain_12_months_from_the_plan_then_from_each_meeting_with_a_decision_4_weeks_after_each()
    {
        var final = new DateOnly(2027, 5, 20);
        EhcReviewDates[] reviews =
        [
            new(new DateOnly(2028, 5, 10), new DateOnly(2028, 6, 1)),
            new(new DateOnly(2029, 6, 15), new DateOnly(2029, 7, 20)),
            new(new DateOnly(2030, 6, 1), null),
        ];
        var facts = Case(EhcpStage.FinalIssued, Requested.AddDays(30), Requested.AddDays(100), final, reviews: reviews);
        var asOf = new DateOnly(2030, 6, 30);
        var all = EhcDeadlines.For(facts, asOf);

        Assert.Equal(
            [
                (new DateOnly(2028, 5, 20), (DateOnly?)new DateOnly(2028, 5, 10)),
                (new DateOnly(2029, 5, 10), new DateOnly(2029, 6, 15)),
                (new DateOnly(2030, 6, 15), new DateOnly(2030, 6, 1)),
                (new DateOnly(2031, 6, 1), null),
            ],
            all.Where(d => d.Kind == EhcDeadlineKind.AnnualReview).Select(d => (d.DueOn, d.MetOn)));
        Assert.Equal(
            [new DateOnly(2028, 6, 7), new DateOnly(2029, 7, 13), new DateOnly(2030, 6, 29)],
            all.Where(d => d.Kind == EhcDeadlineKind.ReviewDecision).Select(d => d.DueOn));

        // The second decision came a week late but is met; the third is still owed and a day overdue.
        var decisions = all.Where(d => d.Kind == EhcDeadlineKind.ReviewDecision).ToList();
        Assert.Equal([false, false, true], decisions.Select(d => d.IsOverdueOn(asOf)));
        AssertBoundary(decisions[2], new DateOnly(2030, 6, 29));
        AssertBoundary(all.Single(d => d.Kind == EhcDeadlineKind.AnnualReview && d.MetOn is null), new DateOnly(2031, 6, 1));
        Assert.Equal(EhcDeadlineKind.ReviewDecision, EhcDeadlines.Next(all)!.Kind);
    }

    [Fact]
    public void A_year_6_pupil_owes_the_amended_plan_by_15_February_before_year_7()
    {
        // Born in the 2015/16 academic year: Year 6 from September 2026, Year 7 from September 2027.
        var born = new DateOnly(2016, 3, 1);
        var final = new DateOnly(2026, 10, 1);
        var facts = Case(EhcpStage.FinalIssued, Requested.AddDays(-300), Requested.AddDays(-200), final, born: born) with { RequestedOn = new DateOnly(2026, 5, 1) };
        var transfer = Only(facts, EhcDeadlineKind.PhaseTransfer, new DateOnly(2026, 11, 1));
        AssertBoundary(transfer, new DateOnly(2027, 2, 15));

        // Still owed (and overdue) until the transfer itself, then the next one is post-16.
        Assert.Equal(new DateOnly(2027, 2, 15), EhcDeadlines.PhaseTransferDue(born, 0, new DateOnly(2027, 8, 31)));
        Assert.Equal(new DateOnly(2032, 2, 15), EhcDeadlines.PhaseTransferDue(born, 0, new DateOnly(2027, 9, 1)));

        // A review in the transfer year, decided by 10 February, meets it.
        var reviewed = facts with { Reviews = [new(new DateOnly(2027, 1, 12), new DateOnly(2027, 2, 10))] };
        Assert.Equal(new DateOnly(2027, 2, 10), Only(reviewed, EhcDeadlineKind.PhaseTransfer, new DateOnly(2027, 3, 1)).MetOn);
    }

    [Theory]
    [InlineData("2022-10-01", "2026-10-01", "2027-02-15")] // nursery age: into Reception in September 2027
    [InlineData("2020-01-10", "2026-10-01", "2031-02-15")] // Year 2: no infant-to-junior move, next is into Year 7
    [InlineData("2011-02-01", "2026-10-01", "2027-02-15")] // Year 11: into post-16
    [InlineData("2022-06-01", "2026-10-01", "2033-02-15")] // Reception: into Year 7
    public void Phase_transfers_are_into_Reception_Year_7_and_post_16(string born, string asOf, string due) =>
        Assert.Equal(DateOnly.Parse(due), EhcDeadlines.PhaseTransferDue(DateOnly.Parse(born), 0, DateOnly.Parse(asOf)));

    [Fact]
    public void Out_of_year_pupils_and_young_people_past_year_11_follow_their_own_year_group()
    {
        // Born 2015/16 but taught a year behind: Year 6 in 2027/28.
        Assert.Equal(new DateOnly(2028, 2, 15), EhcDeadlines.PhaseTransferDue(new DateOnly(2016, 3, 1), -1, new DateOnly(2026, 11, 1)));
        Assert.Null(EhcDeadlines.PhaseTransferDue(new DateOnly(2009, 3, 1), 0, new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void A_ceased_plan_owes_nothing_more_but_keeps_what_it_met()
    {
        var final = new DateOnly(2027, 5, 20);
        var facts = Case(EhcpStage.FinalIssued, Requested.AddDays(30), Requested.AddDays(100), final,
            reviews: [new(new DateOnly(2028, 5, 10), null)], ceased: new DateOnly(2028, 5, 30), born: new DateOnly(2016, 3, 1));
        var all = EhcDeadlines.For(facts, new DateOnly(2028, 9, 1));

        Assert.All(all, d => Assert.NotNull(d.MetOn));
        Assert.Contains(all, d => d.Kind == EhcDeadlineKind.AnnualReview && d.MetOn == new DateOnly(2028, 5, 10));
        Assert.Null(EhcDeadlines.Next(all));
    }

    [Fact]
    public void Deadlines_come_earliest_first_whatever_the_stage()
    {
        for (var day = 0; day < 400; day += 7)
        {
            var asOf = Requested.AddDays(day);
            var all = EhcDeadlines.For(Case(EhcpStage.Assessing, decision: Requested.AddDays(20), born: new DateOnly(2014, 9, 1)), asOf);
            Assert.Equal(all.OrderBy(d => d.DueOn).Select(d => d.DueOn), all.Select(d => d.DueOn));
        }
    }
}
