using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class SchoolYearTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2024, 9, 1, 2024)]
    [InlineData(2024, 12, 31, 2024)]
    [InlineData(2025, 1, 1, 2024)]
    [InlineData(2025, 8, 31, 2024)]
    [InlineData(2025, 9, 1, 2025)]
    public void Academic_year_runs_from_1_September_to_31_August(int year, int month, int day, int startYear)
    {
        Assert.Equal(D(startYear, 9, 1), SchoolYear.AcademicYearStart(D(year, month, day)));
    }

    [Theory]
    [InlineData(2010, 5, 15, 2024, 5, 14, 13)]
    [InlineData(2010, 5, 15, 2024, 5, 15, 14)]
    [InlineData(2010, 5, 15, 2010, 5, 15, 0)]
    [InlineData(2010, 12, 31, 2011, 1, 1, 0)]
    public void Age_counts_whole_years(int by, int bm, int bd, int y, int m, int d, int age)
    {
        Assert.Equal(age, SchoolYear.AgeOn(D(by, bm, bd), D(y, m, d)));
    }

    [Fact]
    public void Leap_day_child_gains_a_year_on_1_March_in_a_common_year()
    {
        var dob = D(2012, 2, 29);

        Assert.Equal(12, SchoolYear.AgeOn(dob, D(2025, 2, 28)));
        Assert.Equal(13, SchoolYear.AgeOn(dob, D(2025, 3, 1)));
        Assert.Equal(12, SchoolYear.AgeOn(dob, D(2024, 2, 29)));
    }

    [Fact]
    public void Age_before_birth_is_rejected()
    {
        Expect.Validation(() => SchoolYear.AgeOn(D(2020, 1, 2), D(2020, 1, 1)), "dateOfBirth");
    }

    [Fact]
    public void Age_on_31_August_uses_the_31_August_before_the_academic_year()
    {
        var dob = D(2010, 9, 1);

        // During 2024/25 the relevant date is 31 Aug 2024, when the child was still 13.
        Assert.Equal(13, SchoolYear.AgeOn31August(dob, D(2024, 9, 1)));
        Assert.Equal(13, SchoolYear.AgeOn31August(dob, D(2025, 8, 31)));
        Assert.Equal(14, SchoolYear.AgeOn31August(dob, D(2025, 9, 1)));
    }

    [Fact]
    public void Birthdays_on_31_August_and_1_September_fall_in_different_year_groups()
    {
        var asOf = D(2024, 10, 1);

        // Born 31 Aug 2009: 15 on 31 Aug 2024, so the youngest in Year 11.
        Assert.Equal(11, SchoolYear.YearGroupFor(D(2009, 8, 31), asOf));

        // Born a day later: still 14 on 31 Aug 2024, so the oldest in Year 10.
        Assert.Equal(10, SchoolYear.YearGroupFor(D(2009, 9, 1), asOf));
    }

    [Theory]
    [InlineData(2020, 8, 31, 0)] // Reception: 4 on 31 Aug 2024
    [InlineData(2019, 9, 1, 0)]
    [InlineData(2019, 8, 31, 1)]
    [InlineData(2013, 9, 1, 6)]
    [InlineData(2013, 8, 31, 7)]
    [InlineData(2008, 9, 1, 11)]
    public void Year_group_is_age_on_31_August_minus_4(int year, int month, int day, int yearGroup)
    {
        Assert.Equal(yearGroup, SchoolYear.YearGroupFor(D(year, month, day), D(2025, 3, 1)));
    }

    [Theory]
    [InlineData(2020, 9, 1)] // 3 on 31 Aug 2024: nursery
    [InlineData(2024, 1, 1)] // born after the 31 August
    [InlineData(2008, 8, 31)] // 16 on 31 Aug 2024: post-16
    public void Year_group_outside_reception_to_year_11_is_rejected(int year, int month, int day)
    {
        Expect.Validation(() => SchoolYear.YearGroupFor(D(year, month, day), D(2025, 3, 1)), "dateOfBirth");
    }

    [Theory]
    [InlineData(0, KeyStage.Eyfs)]
    [InlineData(1, KeyStage.Ks1)]
    [InlineData(2, KeyStage.Ks1)]
    [InlineData(3, KeyStage.Ks2)]
    [InlineData(6, KeyStage.Ks2)]
    [InlineData(7, KeyStage.Ks3)]
    [InlineData(9, KeyStage.Ks3)]
    [InlineData(10, KeyStage.Ks4)]
    [InlineData(11, KeyStage.Ks4)]
    public void Key_stage_of_each_year_group(int yearGroup, KeyStage expected)
    {
        Assert.Equal(expected, SchoolYear.KeyStageOf(yearGroup));
    }

    [Theory]
    [InlineData(0, Phase.Primary)]
    [InlineData(6, Phase.Primary)]
    [InlineData(7, Phase.Secondary)]
    [InlineData(11, Phase.Secondary)]
    public void Phase_of_each_year_group(int yearGroup, Phase expected)
    {
        Assert.Equal(expected, SchoolYear.PhaseOf(yearGroup));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(12)]
    [InlineData(int.MaxValue)]
    public void Key_stage_and_phase_reject_out_of_range_year_groups(int yearGroup)
    {
        Expect.Validation(() => SchoolYear.KeyStageOf(yearGroup), "yearGroup");
        Expect.Validation(() => SchoolYear.PhaseOf(yearGroup), "yearGroup");
    }

    [Fact]
    public void Fifth_birthday_on_31_August_starts_compulsory_age_that_day()
    {
        var dob = D(2019, 8, 31);

        Assert.False(SchoolYear.IsOfCompulsorySchoolAge(dob, D(2024, 8, 30)));
        Assert.True(SchoolYear.IsOfCompulsorySchoolAge(dob, D(2024, 8, 31)));
        Assert.True(SchoolYear.IsOfCompulsorySchoolAge(dob, D(2024, 9, 1)));
    }

    [Fact]
    public void Fifth_birthday_on_1_September_waits_for_31_December()
    {
        var dob = D(2019, 9, 1);

        Assert.False(SchoolYear.IsOfCompulsorySchoolAge(dob, D(2024, 9, 1)));
        Assert.False(SchoolYear.IsOfCompulsorySchoolAge(dob, D(2024, 12, 30)));
        Assert.True(SchoolYear.IsOfCompulsorySchoolAge(dob, D(2024, 12, 31)));
    }

    [Fact]
    public void Child_born_exactly_5_years_before_31_December_starts_on_that_31_December()
    {
        var dob = D(2019, 12, 31);

        Assert.Equal(D(2024, 12, 31), SchoolYear.CompulsorySchoolAgeStarts(dob));
        Assert.False(SchoolYear.IsOfCompulsorySchoolAge(dob, D(2024, 12, 30)));
        Assert.True(SchoolYear.IsOfCompulsorySchoolAge(dob, D(2024, 12, 31)));
    }

    [Theory]
    [InlineData(2020, 1, 1, 2025, 3, 31)]
    [InlineData(2019, 3, 31, 2024, 3, 31)]
    [InlineData(2019, 4, 1, 2024, 8, 31)]
    [InlineData(2020, 2, 29, 2025, 3, 31)]
    [InlineData(2019, 12, 30, 2024, 12, 31)]
    public void Compulsory_age_starts_on_the_first_prescribed_day_on_or_after_the_fifth_birthday(
        int by, int bm, int bd, int sy, int sm, int sd)
    {
        Assert.Equal(D(sy, sm, sd), SchoolYear.CompulsorySchoolAgeStarts(D(by, bm, bd)));
    }

    [Fact]
    public void Compulsory_age_ends_after_the_last_Friday_of_June_of_year_11()
    {
        // Born 1 Sep 2008: turns 16 on 1 Sep 2024, so Year 11 is 2024/25; 27 Jun 2025 is its last Friday of June.
        var dob = D(2008, 9, 1);

        Assert.Equal(D(2025, 6, 27), SchoolYear.CompulsorySchoolAgeEnds(dob));
        Assert.Equal(DayOfWeek.Friday, D(2025, 6, 27).DayOfWeek);
        Assert.True(SchoolYear.IsOfCompulsorySchoolAge(dob, D(2025, 6, 26)));
        Assert.True(SchoolYear.IsOfCompulsorySchoolAge(dob, D(2025, 6, 27)));
        Assert.False(SchoolYear.IsOfCompulsorySchoolAge(dob, D(2025, 6, 28)));
    }

    [Fact]
    public void Youngest_and_oldest_of_a_cohort_leave_on_the_same_day()
    {
        Assert.Equal(D(2025, 6, 27), SchoolYear.CompulsorySchoolAgeEnds(D(2009, 8, 31)));
        Assert.Equal(D(2025, 6, 27), SchoolYear.CompulsorySchoolAgeEnds(D(2008, 9, 1)));

        // One day younger belongs to the next cohort; 30 Jun 2026 is a Tuesday, so the last Friday is the 26th.
        Assert.Equal(D(2026, 6, 26), SchoolYear.CompulsorySchoolAgeEnds(D(2009, 9, 1)));
    }

    [Fact]
    public void A_16_year_old_is_still_of_compulsory_age_until_the_leaving_date()
    {
        // Born 1 Sep 2008: 16 throughout Year 11 but of compulsory age until 27 Jun 2025.
        var dob = D(2008, 9, 1);

        Assert.Equal(16, SchoolYear.AgeOn(dob, D(2025, 3, 1)));
        Assert.True(SchoolYear.IsOfCompulsorySchoolAge(dob, D(2025, 3, 1)));
    }

    [Fact]
    public void Last_Friday_of_June_when_30_June_is_itself_a_Friday()
    {
        // 30 Jun 2023 was a Friday; the cohort leaving then turned 16 in 2022/23.
        Assert.Equal(DayOfWeek.Friday, D(2023, 6, 30).DayOfWeek);
        Assert.Equal(D(2023, 6, 30), SchoolYear.CompulsorySchoolAgeEnds(D(2007, 1, 15)));
    }

    [Fact]
    public void Unborn_child_is_not_of_compulsory_age()
    {
        Assert.False(SchoolYear.IsOfCompulsorySchoolAge(D(2025, 1, 1), D(2024, 1, 1)));
    }

    [Theory]
    [InlineData(6, "2025-03-01", "2025-07-20", 6)]
    [InlineData(6, "2025-03-01", "2025-09-01", 7)]
    [InlineData(6, "2025-03-01", "2024-08-31", 5)]
    [InlineData(11, "2025-03-01", "2026-01-01", 11)]
    [InlineData(0, "2025-03-01", "2023-01-01", 0)]
    public void The_year_group_on_a_date_moves_by_whole_academic_years_within_Reception_to_Year_11(int today, string on, string date, int expected)
    {
        Assert.Equal(expected, SchoolYear.YearGroupOn(today, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
