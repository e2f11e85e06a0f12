using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class EndingRulesTests
{
    private static readonly DateOnly Start = new(2025, 3, 3);
    private static readonly DateOnly Today = new(2025, 7, 18);

    [Fact]
    public void End_on_the_start_day_or_today_is_valid()
    {
        Assert.Null(EndingRules.Validate(Start, Start, Today));
        Assert.Null(EndingRules.Validate(Today, Start, Today));
        Assert.Null(EndingRules.Validate(Start, Start, Start));
    }

    [Fact]
    public void End_before_the_start_is_rejected()
    {
        Expect.Is(EndingRules.Validate(Start.AddDays(-1), Start, Today), ErrorCode.Validation, "endDate");
    }

    [Fact]
    public void End_dated_tomorrow_is_rejected()
    {
        Expect.Is(EndingRules.Validate(Today.AddDays(1), Start, Today), ErrorCode.Validation, "endDate");
    }

    [Fact]
    public void Return_to_mainstream_gets_a_check_in_six_weeks_after_the_end()
    {
        Assert.Equal(new DateOnly(2025, 8, 29), EndingRules.ReintegrationCheckIn(PlacementOutcome.ReturnedToMainstream, Today));
    }

    [Theory]
    [InlineData(PlacementOutcome.MovedToSpecialSchool)]
    [InlineData(PlacementOutcome.MovedToOtherAp)]
    [InlineData(PlacementOutcome.LeftEducation)]
    [InlineData(PlacementOutcome.Other)]
    public void Other_outcomes_get_no_check_in(PlacementOutcome outcome)
    {
        Assert.Null(EndingRules.ReintegrationCheckIn(outcome, Today));
    }

    [Fact]
    public void A_child_of_compulsory_school_age_cannot_leave_education_without_a_destination()
    {
        Expect.Is(EndingRules.ValidateDestination(PlacementOutcome.LeftEducation, null, null, null, ofCompulsorySchoolAge: true), ErrorCode.Validation, "destination");
        Assert.Null(EndingRules.ValidateDestination(PlacementOutcome.LeftEducation, null, null, null, ofCompulsorySchoolAge: false));
        Assert.Null(EndingRules.ValidateDestination(PlacementOutcome.LeftEducation, DestinationKind.ElectiveHomeEducation, null, null, ofCompulsorySchoolAge: true));
        Expect.Is(EndingRules.ValidateDestination(PlacementOutcome.LeftEducation, DestinationKind.MissingEducation, null, " ", ofCompulsorySchoolAge: true), ErrorCode.Validation, "destination.reason");
        Assert.Null(EndingRules.ValidateDestination(PlacementOutcome.LeftEducation, DestinationKind.MissingEducation, null, "Family moved, address unknown", ofCompulsorySchoolAge: true));
        Expect.Is(EndingRules.ValidateDestination(PlacementOutcome.LeftEducation, DestinationKind.Post16, null, null, ofCompulsorySchoolAge: true), ErrorCode.Validation, "destination");
    }

    [Theory]
    [InlineData(DestinationKind.OtherSchool)]
    [InlineData(DestinationKind.SpecialSchool)]
    [InlineData(DestinationKind.OtherAp)]
    public void A_school_destination_is_named_by_urn(DestinationKind kind)
    {
        Expect.Is(EndingRules.ValidateDestination(PlacementOutcome.Other, kind, null, null, ofCompulsorySchoolAge: true), ErrorCode.Validation, "destination.urn");
        Expect.Is(EndingRules.ValidateDestination(PlacementOutcome.Other, kind, "12345", null, ofCompulsorySchoolAge: true), ErrorCode.Validation, "destination.urn");
        Assert.Null(EndingRules.ValidateDestination(PlacementOutcome.Other, kind, "123456", null, ofCompulsorySchoolAge: true));
    }

    [Fact]
    public void A_reintegration_plan_has_a_target_after_the_start_and_real_steps()
    {
        var start = new DateOnly(2025, 1, 6);
        Assert.Null(EndingRules.ValidateReintegrationPlan(start.AddDays(42), ["Two mornings at school", "Three days"], start));
        Expect.Is(EndingRules.ValidateReintegrationPlan(start, ["x"], start), ErrorCode.Validation, "targetDate");
        Expect.Is(EndingRules.ValidateReintegrationPlan(start.AddDays(1), [], start), ErrorCode.Validation, "steps");
        Expect.Is(EndingRules.ValidateReintegrationPlan(start.AddDays(1), ["ok", " "], start), ErrorCode.Validation, "steps");
    }

    [Fact]
    public void A_check_in_follows_the_return_and_is_not_in_the_future()
    {
        var end = new DateOnly(2025, 3, 3);
        Assert.Null(EndingRules.ValidateCheckIn(end.AddDays(42), end, end.AddDays(50)));
        Expect.Is(EndingRules.ValidateCheckIn(end.AddDays(-1), end, end.AddDays(50)), ErrorCode.Validation, "date");
        Expect.Is(EndingRules.ValidateCheckIn(end.AddDays(51), end, end.AddDays(50)), ErrorCode.Validation, "date");
    }
}
