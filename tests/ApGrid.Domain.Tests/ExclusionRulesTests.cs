using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class ExclusionRulesTests
{
    private static readonly SchoolCalendar Calendar = new([SchoolCalendarTests.Year2025(insetDays: [])]);
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static Exclusion Suspension(DateOnly start, int sessions) => new(ExclusionKind.Suspension, start, sessions, ExclusionReason.PersistentOrGeneralDisruptiveBehaviour);

    private static Exclusion Permanent(DateOnly start) => new(ExclusionKind.PermanentExclusion, start, null, ExclusionReason.PhysicalAssaultAgainstAnAdult);

    [Fact]
    public void The_sixth_day_skips_a_bank_holiday()
    {
        // Wednesday 29 April 2026 is day 1; Monday 4 May is the early May bank holiday.
        var sixth = ExclusionRules.SixthDay(Calendar, Permanent(new DateOnly(2026, 4, 29)));

        Assert.Equal(new DateOnly(2026, 5, 7), sixth);
    }

    [Fact]
    public void The_sixth_day_skips_a_half_term()
    {
        // Tuesday 21 October 2025 is day 1; autumn half-term runs 27 to 31 October.
        Assert.Equal(new DateOnly(2025, 11, 4), ExclusionRules.SixthDay(Calendar, Suspension(new DateOnly(2025, 10, 21), 12)));
        Assert.Equal(new DateOnly(2025, 11, 3), ExclusionRules.SixthDay(Calendar, Suspension(new DateOnly(2025, 10, 20), 12)));
    }

    [Fact]
    public void The_sixth_day_skips_an_inset_day_of_the_school()
    {
        var calendar = new SchoolCalendar([SchoolCalendarTests.Year2025(insetDays: [])], [new DateOnly(2026, 3, 4)]);

        Assert.Equal(new DateOnly(2026, 3, 10), ExclusionRules.SixthDay(calendar, Permanent(new DateOnly(2026, 3, 2))));
        Assert.Equal(new DateOnly(2026, 3, 9), ExclusionRules.SixthDay(Calendar, Permanent(new DateOnly(2026, 3, 2))));
    }

    [Fact]
    public void Over_every_school_day_of_fifteen_years_day_six_is_five_school_days_after_day_one_and_never_sooner_than_a_week()
    {
        var calendar = new SchoolCalendar(Enumerable.Range(2025, 15).Select(DefaultTermDates.For));
        var checkedDays = 0;
        for (var day = calendar.FirstDate; day <= calendar.LastDate.AddDays(-60); day = day.AddDays(1))
        {
            if (!calendar.IsSchoolDay(day)) continue;
            var sixth = ExclusionRules.SixthDay(calendar, Permanent(day));

            Assert.True(calendar.IsSchoolDay(sixth), $"{day}: {sixth} is not a school day");
            Assert.Equal(ExclusionRules.DaysBeforeDuty, calendar.SchoolDaysBetween(day, sixth));
            Assert.True(sixth.DayNumber - day.DayNumber >= 7, $"{day}: {sixth} is less than a week later");
            var codedE = ExclusionRules.DaysCodedE(calendar, Permanent(day));
            Assert.Equal(ExclusionRules.DaysBeforeDuty, codedE.Count);
            Assert.Equal(day, codedE[0]);
            Assert.All(codedE, d => Assert.True(calendar.IsSchoolDay(d) && d < sixth));
            Assert.Equal(calendar.AddSchoolDays(codedE[^1], 1), sixth);
            checkedDays++;
        }

        Assert.True(checkedDays > 2500, $"only {checkedDays} school days checked");
    }

    [Fact]
    public void Over_fifteen_years_every_bank_holiday_in_term_pushes_day_six_a_further_day_out()
    {
        var calendar = new SchoolCalendar(Enumerable.Range(2025, 15).Select(DefaultTermDates.For));
        var seen = 0;
        for (var day = calendar.FirstDate; day <= calendar.LastDate.AddDays(-60); day = day.AddDays(1))
        {
            if (!calendar.IsSchoolDay(day)) continue;
            var sixth = ExclusionRules.SixthDay(calendar, Permanent(day));
            var weekdays = Enumerable.Range(1, sixth.DayNumber - day.DayNumber).Select(day.AddDays)
                .Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            var closedWeekdays = Enumerable.Range(1, sixth.DayNumber - day.DayNumber).Select(day.AddDays)
                .Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.IsSchoolDay(d));
            Assert.Equal(ExclusionRules.DaysBeforeDuty + closedWeekdays, weekdays);
            if (Enumerable.Range(1, sixth.DayNumber - day.DayNumber).Select(day.AddDays).Any(BankHolidays.IsBankHoliday)) seen++;
        }

        Assert.True(seen > 20, $"only {seen} starts crossed a bank holiday");
    }

    [Fact]
    public void A_start_outside_term_counts_from_the_first_day_back()
    {
        var saturday = new DateOnly(2026, 3, 7);

        Assert.Equal(new DateOnly(2026, 3, 9), ExclusionRules.FirstDay(Calendar, Permanent(saturday)));
        Assert.Equal(new DateOnly(2026, 3, 16), ExclusionRules.SixthDay(Calendar, Permanent(saturday)));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(10, 5)]
    [InlineData(11, 6)]
    [InlineData(90, 45)]
    public void A_started_half_day_counts_as_a_school_day(int sessions, int days) =>
        Assert.Equal(days, ExclusionRules.SchoolDays(Suspension(Today, sessions)));

    [Fact]
    public void The_school_owes_education_from_day_six_of_a_suspension_over_five_days_and_the_la_after_a_permanent_exclusion()
    {
        Assert.Null(ExclusionRules.DutyHolder(Suspension(Today, 10)));
        Assert.Null(ExclusionRules.DutyStarts(Calendar, Suspension(Today, 10)));
        Assert.Equal(ExclusionDutyHolder.School, ExclusionRules.DutyHolder(Suspension(Today, 11)));
        Assert.Equal(new DateOnly(2026, 3, 9), ExclusionRules.DutyStarts(Calendar, Suspension(Today, 11)));
        Assert.Equal(ExclusionDutyHolder.LocalAuthority, ExclusionRules.DutyHolder(Permanent(Today)));
    }

    [Fact]
    public void A_suspension_ends_on_its_last_school_day_and_a_permanent_exclusion_never()
    {
        // Thursday 26 March 2026: the spring term ends on Friday 27, so a 3-day suspension ends after Easter.
        Assert.Equal(new DateOnly(2026, 4, 13), ExclusionRules.LastDay(Calendar, Suspension(new DateOnly(2026, 3, 26), 6)));
        Assert.Equal(new DateOnly(2026, 3, 26), ExclusionRules.LastDay(Calendar, Suspension(new DateOnly(2026, 3, 26), 1)));
        Assert.Null(ExclusionRules.LastDay(Calendar, Permanent(new DateOnly(2026, 3, 26))));
    }

    [Fact]
    public void Days_coded_e_are_the_first_five_of_a_permanent_exclusion_and_at_most_the_length_of_a_suspension()
    {
        var start = new DateOnly(2026, 4, 29);

        Assert.Equal(
            [new(2026, 4, 29), new(2026, 4, 30), new(2026, 5, 1), new(2026, 5, 5), new(2026, 5, 6)],
            ExclusionRules.DaysCodedE(Calendar, Permanent(start)));
        Assert.Equal([new(2026, 4, 29), new(2026, 4, 30)], ExclusionRules.DaysCodedE(Calendar, Suspension(start, 3)));
    }

    [Theory]
    [InlineData(ExclusionKind.PermanentExclusion, 4, "sessions")]
    [InlineData(ExclusionKind.Suspension, null, "sessions")]
    [InlineData(ExclusionKind.Suspension, 0, "sessions")]
    [InlineData(ExclusionKind.Suspension, 91, "sessions")]
    public void Sessions_belong_to_suspensions_only(ExclusionKind kind, int? sessions, string field) =>
        Expect.Is(ExclusionRules.Validate(new Exclusion(kind, Today, sessions, ExclusionReason.Other), Today), ErrorCode.Validation, field);

    [Fact]
    public void A_start_more_than_a_year_ago_or_far_ahead_is_refused()
    {
        Expect.Is(ExclusionRules.Validate(Permanent(Today.AddYears(-1).AddDays(-1)), Today), ErrorCode.Validation, "startDate");
        Expect.Is(ExclusionRules.Validate(Permanent(Today.AddDays(ExclusionRules.MaxDaysAhead + 1)), Today), ErrorCode.Validation, "startDate");
        Assert.Null(ExclusionRules.Validate(Permanent(Today.AddDays(ExclusionRules.MaxDaysAhead)), Today));
        Assert.Null(ExclusionRules.Validate(Suspension(Today.AddYears(-1), 90), Today));
    }

    [Fact]
    public void An_exclusion_starts_on_a_school_day()
    {
        var error = ExclusionRules.CheckAgainst(Calendar, Permanent(new DateOnly(2026, 5, 4)), []);

        Expect.Is(error, ErrorCode.Validation, "startDate");
        Assert.Contains("not a school day", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_more_is_recorded_while_a_permanent_exclusion_stands()
    {
        Expect.Is(ExclusionRules.CheckAgainst(Calendar, Suspension(Today, 2), [Permanent(Today.AddDays(-7))]), ErrorCode.Conflict, "pupilId");
        Expect.Is(ExclusionRules.CheckAgainst(Calendar, Permanent(Today), [Permanent(Today.AddDays(-7))]), ErrorCode.Conflict, "pupilId");
        Assert.Null(ExclusionRules.CheckAgainst(Calendar, Permanent(Today), [Suspension(Today.AddDays(-7), 2)]));
    }

    [Fact]
    public void Suspensions_do_not_overlap_counted_in_school_days()
    {
        // Friday 6 March for 2 days covers Monday 9 March.
        var standing = Suspension(new DateOnly(2026, 3, 6), 4);

        Expect.Is(ExclusionRules.CheckAgainst(Calendar, Suspension(new DateOnly(2026, 3, 9), 1), [standing]), ErrorCode.Conflict, "startDate");
        Expect.Is(ExclusionRules.CheckAgainst(Calendar, Suspension(new DateOnly(2026, 3, 5), 3), [standing]), ErrorCode.Conflict, "startDate");
        Assert.Null(ExclusionRules.CheckAgainst(Calendar, Suspension(new DateOnly(2026, 3, 10), 1), [standing]));
        Assert.Null(ExclusionRules.CheckAgainst(Calendar, Suspension(new DateOnly(2026, 3, 5), 2), [standing]));
    }

    [Fact]
    public void No_more_than_45_school_days_of_suspension_in_a_school_year()
    {
        List<Exclusion> standing = [Suspension(new DateOnly(2025, 9, 8), 40), Suspension(new DateOnly(2025, 11, 3), 40)];

        Assert.Null(ExclusionRules.CheckAgainst(Calendar, Suspension(new DateOnly(2026, 3, 2), 10), standing));
        var error = ExclusionRules.CheckAgainst(Calendar, Suspension(new DateOnly(2026, 3, 2), 11), standing);
        Expect.Is(error, ErrorCode.Validation, "sessions");
        Assert.Contains("46 school days", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provision_counts_when_it_covers_the_sixth_day()
    {
        var sixth = new DateOnly(2026, 3, 9);

        Assert.True(ExclusionRules.IsProvidedOn(sixth, [(sixth, null)]));
        Assert.True(ExclusionRules.IsProvidedOn(sixth, [(sixth.AddDays(-30), sixth)]));
        Assert.False(ExclusionRules.IsProvidedOn(sixth, [(sixth.AddDays(1), null)]));
        Assert.False(ExclusionRules.IsProvidedOn(sixth, [(sixth.AddDays(-30), sixth.AddDays(-1))]));
        Assert.False(ExclusionRules.IsProvidedOn(sixth, []));
    }

    [Fact]
    public void Overdue_from_the_sixth_day_itself_while_nothing_is_provided()
    {
        var sixth = new DateOnly(2026, 3, 9);

        Assert.False(ExclusionRules.IsOverdue(sixth, provided: false, sixth.AddDays(-1)));
        Assert.True(ExclusionRules.IsOverdue(sixth, provided: false, sixth));
        Assert.False(ExclusionRules.IsOverdue(sixth, provided: true, sixth.AddDays(10)));
    }

    [Fact]
    public void A_reinstatement_falls_between_the_start_and_today()
    {
        Expect.Is(ExclusionRules.ValidateReinstatement(Today.AddDays(-1), Today, null, Today), ErrorCode.Validation, "reinstatedOn");
        Expect.Is(ExclusionRules.ValidateReinstatement(Today.AddDays(1), Today.AddDays(-3), null, Today), ErrorCode.Validation, "reinstatedOn");
        Expect.Is(ExclusionRules.ValidateReinstatement(Today, Today.AddDays(-3), Today.AddDays(-1), Today), ErrorCode.Conflict, "reinstatedOn");
        Assert.Null(ExclusionRules.ValidateReinstatement(Today, Today.AddDays(-3), Today, Today));
        Assert.Null(ExclusionRules.ValidateReinstatement(Today, Today.AddDays(-3), null, Today));
    }
}
