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
}
