using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class PupilRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData("2015-05-01", 7, true)]
    [InlineData("2015-05-01", 6, true)]
    [InlineData("2015-05-01", 8, true)]
    [InlineData("2015-05-01", 5, false)]
    [InlineData("2015-05-01", 9, false)]
    public void A_pupil_is_registered_in_their_year_group_or_one_either_side(string born, int yearGroup, bool accepted)
    {
        var error = PupilRules.Validate(Upn.CheckLetterFor("801200112001") + "801200112001", "AB", DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), yearGroup, Today);

        if (accepted) Assert.Null(error);
        else Expect.Is(error, ErrorCode.Validation, "yearGroup");
    }

    [Fact]
    public void The_offset_is_the_year_taught_less_the_year_the_date_of_birth_gives()
    {
        var dob = new DateOnly(2015, 5, 1);

        // Born May 2015: 11 on 31 August 2026, so Year 7 in 2026/27.
        Assert.Equal(0, PupilRules.OffsetFor(dob, 7, Today));
        Assert.Equal(-1, PupilRules.OffsetFor(dob, 6, Today));
        Assert.Equal(6, SchoolYear.NcyOn(dob, Today, PupilRules.OffsetFor(dob, 6, Today)));
    }

    [Fact]
    public void A_correction_keeps_the_offset_within_one_year_and_the_pupil_at_least_in_Reception()
    {
        Assert.Null(PupilRules.ValidateCorrection(new DateOnly(2015, 5, 1), -1, Today));
        Expect.Is(PupilRules.ValidateCorrection(new DateOnly(2015, 5, 1), 2, Today), ErrorCode.Validation, "yearGroupOffset");
        Expect.Is(PupilRules.ValidateCorrection(Today, 0, Today), ErrorCode.Validation, "dateOfBirth");
        Expect.Is(PupilRules.ValidateCorrection(new DateOnly(2022, 10, 1), 0, Today), ErrorCode.Validation, "dateOfBirth");
        Assert.Null(PupilRules.ValidateCorrection(new DateOnly(2008, 10, 1), 0, Today));
    }

    [Fact]
    public void A_placement_neither_starts_nor_is_planned_past_the_school_leaving_date()
    {
        // Born 1 Sep 2010: Year 11 in 2026/27, leaving on Friday 25 June 2027.
        var dob = new DateOnly(2010, 9, 1);
        var leaves = new DateOnly(2027, 6, 25);

        Assert.Null(PupilRules.CheckWithinSchoolAge(dob, Today, leaves));
        Expect.Is(PupilRules.CheckWithinSchoolAge(dob, Today, leaves.AddDays(1)), ErrorCode.Validation, "plannedEndDate");
        Expect.Is(PupilRules.CheckWithinSchoolAge(dob, leaves.AddDays(1), leaves.AddDays(30)), ErrorCode.Validation, "startDate");
    }
}
