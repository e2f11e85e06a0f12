namespace ApGrid.Grains;

/// <summary>
/// Raises the LA's not-arrived alerts: a reminder looks every few minutes, and once a session's
/// cut-off has passed on a school day of the LA's calendar, every setting's register of the day
/// raises its own alerts. Each register raises an alert once, so a sweep repeated after a crash
/// (or run twice) raises nothing new; the day is recorded as swept only once every setting answered.
/// </summary>
public sealed class AttendanceWatchGrain(
    [PersistentState("attendanceWatch")] IPersistentState<AttendanceWatchState> state, TimeProvider clock, IOptions<AttendanceOptions> options)
    : Grain, IAttendanceWatchGrain, IRemindable
{
    private const string Reminder = "not-arrived";
    private static readonly bool[] MorningThenAfternoon = [true, false];
    private bool started;

    private string LaCode => this.GetPrimaryKeyString();

    public async Task StartAsync()
    {
        if (started) return;
        var period = options.Value.NotArrivedCheckPeriod;
        await this.RegisterOrUpdateReminder(Reminder, period, period);
        started = true;
    }

    public async Task<IReadOnlyList<NotArrivedAlert>> SweepAsync()
    {
        var local = AttendanceRules.UkLocal(clock.GetUtcNow());
        var today = DateOnly.FromDateTime(local);
        var due = MorningThenAfternoon
            .Where(morning => AttendanceRules.IsPastCutoff(local, morning, options.Value.MorningCutoff, options.Value.AfternoonCutoff))
            .Where(morning => (morning ? state.State.MorningSweptOn : state.State.AfternoonSweptOn) != today)
            .ToList();
        if (due.Count == 0 || AttendanceRules.SessionOn(today, true) is null) return [];

        var calendar = await GrainFactory.GetGrain<ISchoolCalendarGrain>(LaCode).GetCalendarAsync(today, today, null);
        if (!calendar.IsSchoolDay(today)) return [];

        var settings = (await GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode).GetRegistryAsync()).ApSettings;
        var raised = new List<NotArrivedAlert>();
        foreach (var morning in due)
        {
            var answers = await Task.WhenAll(settings.Select(s => Register(s.Urn, today).RaiseNotArrivedAsync(morning)));
            raised.AddRange(answers.SelectMany(a => a));
            if (morning) state.State.MorningSweptOn = today; else state.State.AfternoonSweptOn = today;
            await state.WriteStateAsync();
        }

        return raised;
    }

    public async Task<IReadOnlyList<NotArrivedAlert>> GetAlertsAsync(DateOnly day)
    {
        var settings = (await GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode).GetRegistryAsync()).ApSettings;
        var answers = await Task.WhenAll(settings.Select(s => Register(s.Urn, day).GetNotArrivedAsync()));
        return [.. answers.SelectMany(a => a).OrderBy(a => a.RaisedAt).ThenBy(a => a.PupilId, StringComparer.Ordinal)];
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName == Reminder ? SweepAsync() : Task.CompletedTask;

    private IAttendanceRegisterGrain Register(string urn, DateOnly date) =>
        GrainFactory.GetGrain<IAttendanceRegisterGrain>(AttendanceKeys.Register(LaCode, urn, date));
}
