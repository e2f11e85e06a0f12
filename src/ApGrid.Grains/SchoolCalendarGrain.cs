namespace ApGrid.Grains;

/// <summary>
/// One per LA: term dates are set by the LA for all its maintained schools, so one small state
/// answers every school-day count in the authority; schools only add INSET days on top.
/// </summary>
public sealed class SchoolCalendarGrain(
    [PersistentState("schoolCalendar")] IPersistentState<SchoolCalendarState> state) : Grain, ISchoolCalendarGrain
{
    /// <summary>A span longer than a school career is a caller's mistake, not a question.</summary>
    public const int MaxYearsPerCalendar = 20;

    public Task<TermDates> GetYearAsync(int academicYear)
    {
        if (SchoolCalendarRules.ValidateAcademicYear(academicYear) is { } error) throw new DomainRuleException(error);
        return Task.FromResult(Year(academicYear));
    }

    public async Task<CommandResult<TermDates>> SetTermsAsync(int academicYear, IReadOnlyList<HalfTerm> terms, IReadOnlyList<DateOnly> insetDays)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(insetDays);
        if (terms.Count == 0 && insetDays.Count == 0 && SchoolCalendarRules.ValidateAcademicYear(academicYear) is null)
        {
            if (state.State.Years.Remove(academicYear)) await state.WriteStateAsync();
            return CommandResult<TermDates>.Ok(DefaultTermDates.For(academicYear));
        }

        if (SchoolCalendarRules.Validate(academicYear, terms, insetDays) is { } error) return CommandResult<TermDates>.Fail(error);

        var year = new TermDates(academicYear, [.. terms], [.. insetDays.Order()], IsDefault: false);
        state.State.Years[academicYear] = year;
        await state.WriteStateAsync();
        return CommandResult<TermDates>.Ok(year);
    }

    public async Task<CommandResult<IReadOnlyList<DateOnly>>> SetSchoolInsetDaysAsync(string schoolUrn, int academicYear, IReadOnlyList<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var error = !Urn.TryParse(schoolUrn, out _)
            ? DomainError.Validation("schoolUrn", $"schoolUrn must be a 6-digit URN, not '{schoolUrn}'.")
            : SchoolCalendarRules.ValidateAcademicYear(academicYear) ?? SchoolCalendarRules.ValidateSchoolInsetDays(Year(academicYear), dates);
        if (error is not null) return CommandResult<IReadOnlyList<DateOnly>>.Fail(error);

        List<DateOnly> sorted = [.. dates.Order()];
        if (sorted.Count == 0) state.State.SchoolInsetDays.Remove(SchoolKey(schoolUrn, academicYear));
        else state.State.SchoolInsetDays[SchoolKey(schoolUrn, academicYear)] = sorted;
        await state.WriteStateAsync();
        return CommandResult<IReadOnlyList<DateOnly>>.Ok(sorted);
    }

    public Task<SchoolCalendar> GetCalendarAsync(DateOnly first, DateOnly last, string? schoolUrn)
    {
        var firstYear = SchoolYear.AcademicYearStart(first).Year;
        var lastYear = SchoolYear.AcademicYearStart(last).Year + 1;
        if (lastYear <= firstYear || lastYear - firstYear >= MaxYearsPerCalendar)
        {
            throw new ArgumentOutOfRangeException(nameof(last), last, $"A calendar spans 1 to {MaxYearsPerCalendar} academic years from {first:yyyy-MM-dd}.");
        }

        var years = Enumerable.Range(firstYear, lastYear - firstYear + 1).ToList();
        var extra = schoolUrn is null
            ? []
            : years.SelectMany(y => state.State.SchoolInsetDays.GetValueOrDefault(SchoolKey(schoolUrn, y)) ?? []);
        return Task.FromResult(new SchoolCalendar(years.Select(Year), extra));
    }

    private TermDates Year(int academicYear) =>
        state.State.Years.TryGetValue(academicYear, out var entered) ? entered : DefaultTermDates.For(academicYear);

    private static string SchoolKey(string schoolUrn, int academicYear) => $"{schoolUrn}/{academicYear}";
}
