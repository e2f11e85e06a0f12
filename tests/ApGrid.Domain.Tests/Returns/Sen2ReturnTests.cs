using ApGrid.Domain.Returns;
using static ApGrid.Domain.Tests.Returns.ReturnWorld;

namespace ApGrid.Domain.Tests.Returns;

public sealed class Sen2ReturnTests
{
    private static ReturnEhcp Issued(DateOnly requested, EhcRequestSource? source, DateOnly decided, DateOnly final, DateOnly? ceased = null, EhcCeaseReason? reason = null, params EhcReviewDates[] reviews) =>
        new(requested, source, EhcpStage.FinalIssued, decided, final, null, false, reviews, ceased, reason);

    [Fact]
    public void The_reference_date_is_the_January_census_day_after_the_year() =>
        Assert.Equal(new DateOnly(2026, 1, 15), Sen2Return.ReferenceDate(2025));

    [Fact]
    public void A_plan_issued_in_the_year_has_its_request_assessment_named_plan_and_active_plan()
    {
        var pupil = Pupil(1, sen: SenProvision.EhcPlan, need: NeedType.Asd, ehcp: Issued(D(2025, 2, 3), EhcRequestSource.Parent, D(2025, 3, 17), D(2025, 7, 1)));

        var result = Sen2Return.Build([pupil], 2025);

        Assert.Empty(result.Failures);
        var home = new Sen2Placement("100001", null, null);
        Assert.Equal(
            new Sen2Person("pupil-1", Upn(1), D(2012, 3, 4), "NR20 3AB", new Sen2Request(
                D(2025, 2, 3), "1", D(2025, 3, 17), "A",
                new Sen2Assessment("Y", D(2025, 7, 1), false, new Sen2NamedPlan(D(2025, 7, 1), home, null, null)),
                new Sen2ActivePlan(home, "ASD", null, null))),
            Assert.Single(result.Rows));
    }

    [Fact]
    public void A_plan_ceased_in_the_year_names_the_section_61_arrangement_it_ended_in_and_has_no_active_plan()
    {
        var review = new EhcReviewDates(D(2025, 9, 10), D(2025, 9, 20));
        var ehcp = Issued(D(2024, 5, 1), null, D(2024, 6, 10), D(2024, 10, 1), D(2025, 12, 1), EhcCeaseReason.Employment, review);
        var pupil = Pupil(2, sen: SenProvision.EhcPlan, need: NeedType.Semh, ehcp: ehcp, placements: [Placement("s", Unregistered, PlacementRoute.EhcPlanS61, D(2025, 1, 6))]);

        var person = Assert.Single(Sen2Return.Build([pupil], 2025).Rows);

        Assert.Equal(
            new Sen2Request(
                D(2024, 5, 1), null, D(2024, 6, 10), "A",
                new Sen2Assessment("Y", D(2024, 10, 1), false, new Sen2NamedPlan(D(2024, 10, 1), new Sen2Placement(null, null, "OLA", D(2025, 1, 6)), D(2025, 12, 1), "4")),
                null),
            person.Request);
    }

    [Fact]
    public void An_active_plan_carries_the_years_latest_annual_review_and_the_placement_on_the_reference_date()
    {
        var reviews = new[] { new EhcReviewDates(D(2024, 11, 1), D(2024, 11, 8)), new EhcReviewDates(D(2025, 3, 3), D(2025, 3, 10)), new EhcReviewDates(D(2025, 10, 6), null) };
        var special = new ReturnSpecialSchool(new ReturnSetting("140009", "10088888"), D(2025, 9, 1));
        var pupil = Pupil(3, sen: SenProvision.EhcPlan, need: NeedType.Slcn, ehcp: Issued(D(2023, 1, 9), EhcRequestSource.School, D(2023, 2, 20), D(2023, 6, 5), reviews: reviews), special: special);

        var active = Assert.Single(Sen2Return.Build([pupil], 2025).Rows).Request.ActivePlan;

        Assert.Equal(new Sen2ActivePlan(new Sen2Placement("140009", "10088888", null, D(2025, 9, 1)), "SLCN", D(2025, 10, 6), null), active);
    }

    [Fact]
    public void Undecided_requests_refusals_and_plans_not_issued_report_as_far_as_they_went()
    {
        var pending = Pupil(4, ehcp: new ReturnEhcp(D(2025, 11, 20), EhcRequestSource.School, EhcpStage.Requested, null, null, null, false, []));
        var refused = Pupil(5, ehcp: new ReturnEhcp(D(2025, 4, 1), EhcRequestSource.Health, EhcpStage.NotAssessed, D(2025, 5, 12), null, null, false, []));
        var notIssued = Pupil(6, ehcp: new ReturnEhcp(D(2025, 1, 6), EhcRequestSource.SocialCare, EhcpStage.NotIssued, D(2025, 2, 17), null, D(2025, 6, 2), true, []));
        var decidedNextYear = Pupil(7, ehcp: new ReturnEhcp(D(2025, 12, 15), EhcRequestSource.Other, EhcpStage.Assessing, D(2026, 1, 5), null, null, false, []));

        var rows = Sen2Return.Build([pending, refused, notIssued, decidedNextYear], 2025).Rows.ToDictionary(p => p.PupilId, p => p.Request);

        Assert.Equal(new Sen2Request(D(2025, 11, 20), "2", null, null, null, null), rows["pupil-4"]);
        Assert.Equal(new Sen2Request(D(2025, 4, 1), "3", D(2025, 5, 12), "N", null, null), rows["pupil-5"]);
        Assert.Equal(new Sen2Request(D(2025, 1, 6), "4", D(2025, 2, 17), "A", new Sen2Assessment("N", D(2025, 6, 2), true, null), null), rows["pupil-6"]);
        Assert.Equal(new Sen2Request(D(2025, 12, 15), "5", null, null, null, null), rows["pupil-7"]);
    }

    [Fact]
    public void Cases_closed_before_the_year_or_requested_after_it_are_not_in_the_return()
    {
        var refusedLastYear = Pupil(1, ehcp: new ReturnEhcp(D(2024, 4, 1), EhcRequestSource.Health, EhcpStage.NotAssessed, D(2024, 5, 12), null, null, false, []));
        var ceasedLastYear = Pupil(2, ehcp: Issued(D(2022, 4, 1), EhcRequestSource.Parent, D(2022, 5, 1), D(2022, 9, 1), D(2024, 12, 31), EhcCeaseReason.MaximumAge));
        var requestedNextYear = Pupil(3, ehcp: new ReturnEhcp(D(2026, 1, 2), EhcRequestSource.Parent, EhcpStage.Requested, null, null, null, false, []));
        var noCase = Pupil(4);

        var result = Sen2Return.Build([refusedLastYear, ceasedLastYear, requestedNextYear, noCase], 2025);

        Assert.Equal((0, 0, 0), (result.Rows.Count, result.Failures.Count, result.PupilIds.Count));
    }

    [Fact]
    public void A_person_that_fails_a_rule_is_listed_by_pupil_and_left_out_of_the_file()
    {
        var noSource = Pupil(1, ehcp: new ReturnEhcp(D(2025, 3, 3), null, EhcpStage.Requested, null, null, null, false, []));
        var nsa = Pupil(2, sen: SenProvision.EhcPlan, need: NeedType.Nsa, ehcp: Issued(D(2025, 2, 3), EhcRequestSource.Parent, D(2025, 3, 17), D(2025, 7, 1)));
        var good = Pupil(3, sen: SenProvision.EhcPlan, need: NeedType.Asd, ehcp: Issued(D(2025, 2, 3), EhcRequestSource.Parent, D(2025, 3, 17), D(2025, 7, 1)));

        var result = Sen2Return.Build([noSource, nsa, good], 2025);

        Assert.Equal("pupil-3", Assert.Single(result.Rows).PupilId);
        Assert.Equal([("pupil-1", Upn(1), "RequestSource"), ("pupil-2", Upn(2), "SENtype")], result.Failures.Select(f => (f.PupilId, f.Upn, f.Item)));
        Assert.Equal(["pupil-1", "pupil-2", "pupil-3"], result.PupilIds);
    }

    [Fact]
    public void Live_in_a_year_across_many_years_and_closing_dates()
    {
        // The case is live in every year from its request to its closing, and in no other.
        for (var requested = 2018; requested <= 2024; requested++)
        {
            for (var closed = requested; closed <= 2026; closed++)
            {
                var ehcp = new ReturnEhcp(new DateOnly(requested, 6, 1), EhcRequestSource.Parent, EhcpStage.FinalIssued, new DateOnly(requested, 7, 1), new DateOnly(requested, 11, 1), null, false, [], new DateOnly(closed, 12, 1), EhcCeaseReason.Other);
                for (var year = 2016; year <= 2028; year++)
                {
                    Assert.Equal(year >= requested && year <= closed, Sen2Return.LiveIn(ehcp, year));
                }
            }
        }
    }
}
