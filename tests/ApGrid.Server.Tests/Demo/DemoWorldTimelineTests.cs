using System.Globalization;
using ApGrid.Domain;
using ApGrid.Server.Demo;

namespace ApGrid.Server.Tests.Demo;

/// <summary>
/// The demo reads like an LA's real year: placements start in term time, reviews fall due across the
/// coming weeks with only a few overdue, the EHC tracker has a case at every stage, and the setting
/// the API's documented examples change has no pupils to refuse them.
/// </summary>
public sealed class DemoWorldTimelineTests
{
    public static TheoryData<string> Dates => ["2026-11-23", "2026-08-31", "2026-09-01", "2026-12-24", "2027-04-06", "2027-06-25", "2028-02-29", "2031-01-06"];

    [Theory]
    [MemberData(nameof(Dates))]
    public void Every_placement_starts_on_a_Monday_that_is_a_school_day(string date)
    {
        var today = Parse(date);
        var calendar = CalendarAround(today);
        Assert.All(DemoWorld.Create(today).SelectMany(t => t.Pupils), p =>
        {
            Assert.Equal(DayOfWeek.Monday, p.Placement.StartDate.DayOfWeek);
            Assert.True(calendar.IsSchoolDay(p.Placement.StartDate), $"{p.Placement.StartDate} is not a school day");
        });
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void Reviews_are_held_in_order_and_few_placements_have_one_overdue(string date)
    {
        var today = Parse(date);
        var calendar = CalendarAround(today);
        var pupils = DemoWorld.Create(today).SelectMany(t => t.Pupils).ToList();
        var overdue = 0;
        var dueDates = new HashSet<DateOnly>();
        foreach (var p in pupils)
        {
            var previous = p.Placement.StartDate;
            foreach (var review in p.Reviews)
            {
                Assert.True(review.Date > previous && review.Date <= today, $"review {review.Date} after {previous}, by {today}");
                Assert.InRange(review.Participation, ReviewRules.MinScore, ReviewRules.MaxScore);
                previous = review.Date;
            }

            var next = PlacementRules.NextReviewDue(calendar, p.Placement.StartDate, p.Placement.ReviewEveryWeeks, p.Reviews.Count > 0 ? p.Reviews[^1].Date : null);
            if (PlacementRules.IsReviewOverdue(next, today)) overdue++;
            else dueDates.Add(next);
        }

        Assert.True(overdue <= pupils.Count / 4, $"{overdue} of {pupils.Count} overdue on {date}");
        Assert.True(dueDates.Count >= 5, $"only {dueDates.Count} distinct due dates on {date}");
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void Each_LA_has_EHC_cases_at_every_stage_for_pupils_without_a_plan(string date)
    {
        var today = Parse(date);
        foreach (var tenant in DemoWorld.Create(today))
        {
            var pupils = tenant.Pupils.ToDictionary(p => p.Id, StringComparer.Ordinal);
            Assert.All(tenant.EhcCases, c =>
            {
                Assert.NotEqual(SenProvision.EhcPlan, pupils[c.PupilId].Record.SenProvision);
                Assert.True(c.RequestedOn < today);
                Assert.Equal(c.Milestones.OrderBy(m => m.On), c.Milestones);
                Assert.All(c.Milestones, m => Assert.InRange(m.On, c.RequestedOn, today));
            });
            var reached = tenant.EhcCases.Select(c => c.Milestones.Count == 0 ? (EhcpMilestone?)null : c.Milestones[^1].Milestone).ToHashSet();
            Assert.Equal(
                new HashSet<EhcpMilestone?> { null, EhcpMilestone.DecisionToAssess, EhcpMilestone.RefusedToAssess, EhcpMilestone.DraftIssued, EhcpMilestone.NotIssued, EhcpMilestone.FinalIssued },
                reached);
            Assert.Equal(tenant.EhcCases.Count, tenant.EhcCases.Select(c => c.PupilId).Distinct().Count());
        }
    }

    [Fact]
    public void Every_week_for_five_years_each_LA_has_a_case_at_every_stage()
    {
        for (var today = new DateOnly(2026, 9, 1); today < new DateOnly(2031, 9, 1); today = today.AddDays(7))
        {
            foreach (var tenant in DemoWorld.Create(today))
            {
                var reached = tenant.EhcCases.Select(c => c.Milestones.Count == 0 ? (EhcpMilestone?)null : c.Milestones[^1].Milestone).Distinct().Count();
                Assert.True(reached == 6, $"{tenant.Profile.Code} on {today}: {reached} stages");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void Each_LAs_first_setting_has_no_pupils(string date)
    {
        foreach (var tenant in DemoWorld.Create(Parse(date)))
        {
            Assert.DoesNotContain(tenant.Pupils, p => p.Placement.ApUrn == tenant.ApSettings[0].Urn);
        }
    }

    private static SchoolCalendar CalendarAround(DateOnly today) =>
        new(Enumerable.Range(SchoolYear.AcademicYearStart(today).Year - 1, 3).Select(DefaultTermDates.For));

    private static DateOnly Parse(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
