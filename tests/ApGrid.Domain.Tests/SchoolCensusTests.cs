using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class SchoolCensusTests
{
    [Theory]
    [InlineData("2026-12-07", "2027-01-21")]
    [InlineData("2026-09-01", "2027-01-21")]
    [InlineData("2027-08-31", "2027-01-21")]
    [InlineData("2023-10-10", "2024-01-18")]
    [InlineData("2024-10-10", "2025-01-16")]
    [InlineData("2020-10-10", "2021-01-21")]
    public void The_census_day_is_the_third_thursday_of_january_of_the_academic_year(string date, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SchoolCensus.JanuaryCensusDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Over_forty_years_the_census_day_is_a_thursday_from_the_15th_to_the_21st_of_january()
    {
        for (var day = new DateOnly(2000, 9, 1); day < new DateOnly(2040, 9, 1); day = day.AddDays(17))
        {
            var census = SchoolCensus.JanuaryCensusDay(day);
            Assert.Equal(DayOfWeek.Thursday, census.DayOfWeek);
            Assert.Equal(1, census.Month);
            Assert.InRange(census.Day, 15, 21);
            Assert.Equal(SchoolYear.AcademicYearStart(day), SchoolYear.AcademicYearStart(census));
        }
    }

    [Theory]
    [InlineData("2022-09-01", 4)] // 4 on 31 August 2027
    [InlineData("2023-03-01", 4)] // 4 on 31 August 2027 too
    [InlineData("2027-06-01", 4)] // 0
    [InlineData("2022-08-31", 5)]
    [InlineData("2017-01-10", 10)]
    public void Ages_are_on_31_august_before_the_academic_year_with_four_and_under_together(string dateOfBirth, int expected) =>
        Assert.Equal(expected, SchoolCensus.AgeBand(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2028, 1, 20)));

    [Fact]
    public void A_child_born_after_the_cut_off_is_four_and_under_not_an_error() =>
        Assert.Equal(SchoolCensus.FourAndUnder, SchoolCensus.AgeBand(new DateOnly(2027, 12, 1), new DateOnly(2027, 12, 2)));

    [Fact]
    public void Pupils_in_ap_on_a_day_by_kind_and_age_count_each_pupil_once_per_kind()
    {
        var day = new DateOnly(2027, 1, 21);
        var young = new DateOnly(2022, 10, 1);
        var ten = new DateOnly(2016, 5, 1);
        ApStint[] stints = [
            new("a", young, ApType.StateFunded, new(2026, 10, 1), 0, null, null),
            new("b", ten, ApType.StateFunded, new(2026, 10, 1), 5, day, 5),
            new("b", ten, ApType.StateFunded, day, 5, null, null),
            new("c", ten, ApType.Independent, new(2026, 10, 1), 5, new(2027, 1, 20), 5),
            new("d", ten, ApType.NonSchool, new(2027, 1, 22), 5, null, null),
            new("e", ten, ApType.Independent, new(2026, 12, 1), 5, null, null),
        ];

        var counts = SchoolCensus.PupilsInApByTypeAndAge(stints, day);

        Assert.Equal(new Dictionary<int, int> { [SchoolCensus.FourAndUnder] = 1, [10] = 1 }, counts[ApType.StateFunded]);
        Assert.Equal(new Dictionary<int, int> { [10] = 1 }, counts[ApType.Independent]);
        Assert.False(counts.ContainsKey(ApType.NonSchool));
    }
}
