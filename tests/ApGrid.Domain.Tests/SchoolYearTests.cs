using System.Globalization;
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
    [InlineData(12, KeyStage.Post16)]
    [InlineData(14, KeyStage.Post16)]
    public void Key_stage_of_each_year_group(int yearGroup, KeyStage expected)
    {
        Assert.Equal(expected, SchoolYear.KeyStageOf(yearGroup));
    }

    [Theory]
    [InlineData(0, Phase.Primary)]
    [InlineData(6, Phase.Primary)]
    [InlineData(7, Phase.Secondary)]
    [InlineData(11, Phase.Secondary)]
    [InlineData(12, Phase.Secondary)]
    public void Phase_of_each_year_group(int yearGroup, Phase expected)
    {
        Assert.Equal(expected, SchoolYear.PhaseOf(yearGroup));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Key_stage_and_phase_reject_year_groups_before_Reception(int yearGroup)
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
    [InlineData("2019-09-01", "2024-09-01", 0)]
    [InlineData("2020-08-31", "2024-09-01", 0)]
    [InlineData("2020-09-01", "2024-09-01", -1)]
    [InlineData("2019-09-01", "2025-09-01", 1)]
    [InlineData("2020-02-29", "2025-08-31", 0)]
    [InlineData("2020-02-29", "2031-09-01", 7)]
    [InlineData("2008-09-01", "2025-06-27", 11)]
    [InlineData("2008-09-01", "2025-09-01", 12)]
    public void The_year_group_follows_the_date_of_birth_and_the_academic_year_of_the_date(string born, string on, int expected)
    {
        Assert.Equal(expected, SchoolYear.NcyOn(DateOnly.Parse(born, CultureInfo.InvariantCulture), DateOnly.Parse(on, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_offset_moves_the_year_group_by_itself()
    {
        var dob = D(2015, 7, 30);
        var on = D(2026, 10, 1);

        Assert.Equal(SchoolYear.NcyOn(dob, on) - 1, SchoolYear.NcyOn(dob, on, -1));
        Assert.Equal(SchoolYear.NcyOn(dob, on) + 1, SchoolYear.NcyOn(dob, on, 1));
    }

    /// <summary>
    /// For every date of birth over eight years (leap days and both sides of 1 September) and many
    /// dates across 25 years: the year group agrees with the age on the 31 August before the
    /// academic year, rises by exactly one on each 1 September and nowhere else, and the key stage,
    /// phase and compulsory-age window agree with it.
    /// </summary>
    [Fact]
    public void Year_group_key_stage_and_compulsory_age_agree_for_any_birth_and_any_date()
    {
        var random = new Random(2026);
        for (var dob = D(2012, 1, 1); dob <= D(2019, 12, 31); dob = dob.AddDays(1))
        {
            for (var i = 0; i < 12; i++)
            {
                var date = D(2017, 1, 1).AddDays(random.Next(25 * 366));
                if (date < dob) continue;
                var ncy = SchoolYear.NcyOn(dob, date);
                var cutOff = SchoolYear.AcademicYearStart(date).AddDays(-1);
                if (dob <= cutOff) Assert.Equal(SchoolYear.AgeOn31August(dob, date) - 4, ncy);
                else Assert.True(ncy < 0);

                var nextDay = date.AddDays(1);
                var rise = SchoolYear.NcyOn(dob, nextDay) - ncy;
                Assert.Equal(nextDay is { Month: 9, Day: 1 } ? 1 : 0, rise);

                if (ncy is >= 0 and <= 11)
                {
                    var expectedStage = ncy switch { 0 => KeyStage.Eyfs, <= 2 => KeyStage.Ks1, <= 6 => KeyStage.Ks2, <= 9 => KeyStage.Ks3, _ => KeyStage.Ks4 };
                    Assert.Equal(expectedStage, SchoolYear.KeyStageOf(ncy));
                    Assert.Equal(ncy <= 6 ? Phase.Primary : Phase.Secondary, SchoolYear.PhaseOf(ncy));
                }
                else if (ncy >= 12)
                {
                    Assert.Equal(KeyStage.Post16, SchoolYear.KeyStageOf(ncy));
                    Assert.False(SchoolYear.IsOfCompulsorySchoolAge(dob, date));
                }

                // Compulsory age: from the term after the fifth birthday to the last Friday of June of Year 11.
                var starts = SchoolYear.CompulsorySchoolAgeStarts(dob);
                var ends = SchoolYear.CompulsorySchoolAgeEnds(dob);
                Assert.True(starts >= dob.AddYears(5) && starts <= dob.AddYears(5).AddMonths(5));
                Assert.Contains((starts.Month, starts.Day), new[] { (3, 31), (8, 31), (12, 31) });
                Assert.Equal(DayOfWeek.Friday, ends.DayOfWeek);
                Assert.Equal(6, ends.Month);
                Assert.Equal(11, SchoolYear.NcyOn(dob, ends));
                Assert.Equal(date >= starts && date <= ends, SchoolYear.IsOfCompulsorySchoolAge(dob, date));
                if (SchoolYear.IsOfCompulsorySchoolAge(dob, date)) Assert.InRange(ncy, 0, 11);
            }
        }
    }
}
