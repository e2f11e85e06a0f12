using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class ReviewRulesTests
{
    private static readonly DateOnly Start = new(2025, 3, 3);
    private static readonly DateOnly Today = new(2025, 6, 2);

    private static DomainError? Check(
        DateOnly? date = null,
        double attendance = 85.5,
        int suspensions = 0,
        int participation = 3,
        int wellbeing = 3,
        string? notes = "Settling well.",
        DateOnly? lastReviewOn = null) =>
        ReviewRules.Validate(date ?? Today, attendance, suspensions, participation, wellbeing, notes, Start, lastReviewOn, Today);

    [Fact]
    public void A_typical_review_is_valid()
    {
        Assert.Null(Check());
        Assert.Null(Check(notes: null));
        Assert.Null(Check(lastReviewOn: Start.AddDays(42)));
    }

    [Fact]
    public void Review_date_may_be_the_start_day_or_today()
    {
        Assert.Null(Check(date: Start));
        Assert.Null(Check(date: Today));
    }

    [Fact]
    public void Review_date_before_the_start_or_in_the_future_is_rejected()
    {
        Expect.Is(Check(date: Start.AddDays(-1)), ErrorCode.Validation, "date");
        Expect.Is(Check(date: Today.AddDays(1)), ErrorCode.Validation, "date");
    }

    [Fact]
    public void Review_must_be_strictly_after_the_last_review()
    {
        var last = Start.AddDays(42);
        Expect.Is(Check(date: last, lastReviewOn: last), ErrorCode.Validation, "date");
        Expect.Is(Check(date: last.AddDays(-1), lastReviewOn: last), ErrorCode.Validation, "date");
        Assert.Null(Check(date: last.AddDays(1), lastReviewOn: last));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(0.1)]
    [InlineData(99.9)]
    public void Attendance_from_0_to_100_is_valid(double attendance)
    {
        Assert.Null(Check(attendance: attendance));
    }

    [Theory]
    [InlineData(-0.001)]
    [InlineData(100.001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Attendance_outside_0_to_100_or_not_a_number_is_rejected(double attendance)
    {
        Expect.Is(Check(attendance: attendance), ErrorCode.Validation, "attendancePercent");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(50, true)]
    [InlineData(-1, false)]
    [InlineData(51, false)]
    public void Suspensions_from_0_to_50(int suspensions, bool valid)
    {
        var error = Check(suspensions: suspensions);
        if (valid)
        {
            Assert.Null(error);
        }
        else
        {
            Expect.Is(error, ErrorCode.Validation, "suspensions");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Scores_from_1_to_5_are_valid(int score)
    {
        Assert.Null(Check(participation: score, wellbeing: score));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Participation_outside_1_to_5_is_rejected(int score)
    {
        Expect.Is(Check(participation: score), ErrorCode.Validation, "participation");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(int.MinValue)]
    public void Wellbeing_outside_1_to_5_is_rejected(int score)
    {
        Expect.Is(Check(wellbeing: score), ErrorCode.Validation, "wellbeing");
    }

    [Fact]
    public void Notes_up_to_2000_characters_are_valid()
    {
        Assert.Null(Check(notes: ""));
        Assert.Null(Check(notes: new string('n', 2000)));
        Expect.Is(Check(notes: new string('n', 2001)), ErrorCode.Validation, "notes");
    }

    [Fact]
    public void The_first_fault_in_parameter_order_is_reported()
    {
        Expect.Is(Check(date: Today.AddDays(1), attendance: -1, wellbeing: 0), ErrorCode.Validation, "date");
        Expect.Is(Check(attendance: -1, suspensions: -1), ErrorCode.Validation, "attendancePercent");
        Expect.Is(Check(participation: 0, wellbeing: 0), ErrorCode.Validation, "participation");
    }
}
