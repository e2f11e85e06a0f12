using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class SchoolCalendarRulesTests
{
    private static readonly TermDates Year = SchoolCalendarTests.Year2025([new(2025, 9, 1)]);

    private static DomainError? Validate(Func<List<HalfTerm>, List<HalfTerm>>? terms = null, DateOnly[]? insetDays = null, int academicYear = 2025) =>
        SchoolCalendarRules.Validate(academicYear, (terms ?? (t => t))([.. Year.Terms]), insetDays ?? [.. Year.InsetDays]);

    [Fact]
    public void Six_ordered_half_terms_inside_the_year_are_valid()
    {
        Assert.Null(Validate());
    }

    [Fact]
    public void Every_default_year_is_valid()
    {
        foreach (var year in Enumerable.Range(SchoolCalendarRules.MinAcademicYear, 101).Select(DefaultTermDates.For))
        {
            Assert.Null(SchoolCalendarRules.Validate(year.AcademicYear, year.Terms, year.InsetDays));
        }
    }

    [Fact]
    public void Not_six_half_terms_names_terms()
    {
        var error = Validate(t => t[..5]);
        Expect.Is(error, ErrorCode.Validation, "terms");
        Assert.Contains("6 half-terms", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_half_term_ending_before_it_starts_names_it()
    {
        var error = Validate(t => { t[2] = new(new(2026, 2, 13), new(2026, 1, 5)); return t; });
        Expect.Is(error, ErrorCode.Validation, "terms");
        Assert.Contains("SPRING_1", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_half_terms_are_refused()
    {
        var error = Validate(t => { t[1] = new(new(2025, 10, 24), new(2025, 12, 19)); return t; });
        Expect.Is(error, ErrorCode.Validation, "terms");
        Assert.Contains("AUTUMN_2", error!.Message, StringComparison.Ordinal);
        Assert.Contains("order", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Half_terms_outside_the_academic_year_are_refused()
    {
        Expect.Is(Validate(t => { t[0] = new(new(2025, 8, 29), new(2025, 10, 24)); return t; }), ErrorCode.Validation, "terms");
        Expect.Is(Validate(t => { t[5] = new(new(2026, 6, 1), new(2026, 9, 1)); return t; }), ErrorCode.Validation, "terms");
        Expect.Is(Validate(academicYear: 2024), ErrorCode.Validation, "terms");
    }

    [Fact]
    public void Academic_year_out_of_range_names_academic_year()
    {
        Expect.Is(Validate(academicYear: 1999), ErrorCode.Validation, "academicYear");
    }

    [Theory]
    [InlineData("2025-09-06")] // Saturday
    [InlineData("2025-10-28")] // half-term
    [InlineData("2026-08-03")] // summer holiday
    public void Inset_days_must_be_term_weekdays(string date)
    {
        var error = Validate(insetDays: [DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)]);
        Expect.Is(error, ErrorCode.Validation, "insetDays");
        Assert.Contains(date, error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inset_day_listed_twice_is_refused()
    {
        Expect.Is(Validate(insetDays: [new(2025, 9, 1), new(2025, 9, 1)]), ErrorCode.Validation, "insetDays");
    }

    [Fact]
    public void A_schools_own_inset_days_are_checked_against_the_las_terms_and_name_dates()
    {
        Assert.Null(SchoolCalendarRules.ValidateSchoolInsetDays(Year, [new(2025, 11, 3)]));
        Expect.Is(SchoolCalendarRules.ValidateSchoolInsetDays(Year, [new(2025, 10, 28)]), ErrorCode.Validation, "dates");
        Expect.Is(SchoolCalendarRules.ValidateSchoolInsetDays(Year, [.. Enumerable.Range(0, 21).Select(i => new DateOnly(2025, 9, 1).AddDays(i))]), ErrorCode.Validation, "dates");
    }
}
