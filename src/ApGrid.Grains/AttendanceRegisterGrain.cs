namespace ApGrid.Grains;

/// <summary>
/// A setting's register of one day. Who is expected is read, not stored: the setting's placements
/// and their pupils' sessions as they are when asked, so a placement started or amended today is
/// on the register without anyone telling it. Marks and alerts are stored here, and the
/// placement's attendance and the change feed hear of them through the outbox.
/// </summary>
public sealed class AttendanceRegisterGrain(
    [PersistentState("attendanceRegister")] IPersistentState<AttendanceRegisterState> state, TimeProvider clock, ILogger<AttendanceRegisterGrain> logger)
    : OutboxGrain<AttendanceRegisterState>(state, s => s.Outbox, logger), IAttendanceRegisterGrain
{
    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private (string Urn, DateOnly Date) Day => AttendanceKeys.OfRegister(this.GetPrimaryKeyString());

    public async Task<RegisterSnapshot> GetAsync() => Snapshot(await ExpectedAsync());

    public async Task<CommandResult<RegisterSnapshot>> RecordAsync(IReadOnlyList<RegisterMarkRow> rows, RegisterWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        var (urn, date) = Day;
        if (date > DateOnly.FromDateTime(AttendanceRules.UkLocal(clock.GetUtcNow())))
        {
            return CommandResult<RegisterSnapshot>.Fail(DomainError.Validation("date", $"The register of {date:yyyy-MM-dd} cannot be taken before that day."));
        }

        var expected = await ExpectedAsync();
        var byPupil = expected.ToDictionary(e => e.PupilId, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var error = Check(rows[i], $"marks[{i}]", urn, date, byPupil, writer, seen);
            if (error is not null) return CommandResult<RegisterSnapshot>.Fail(error);
        }

        var now = clock.GetUtcNow();
        var changed = new List<string>();
        foreach (var row in rows)
        {
            var key = Key(row.PupilId, row.Session);
            if (State.Marks.TryGetValue(key, out var held) && held.Code == row.Code) continue;
            var placementId = byPupil[row.PupilId].PlacementId;
            State.Marks[key] = new RegisterMark(row.PupilId, placementId, row.Session, row.Code, now, writer.RecordedBy);
            if (!changed.Contains(placementId)) changed.Add(placementId);
        }

        // The same upload again changes nothing and writes nothing: what makes a retried PUT harmless.
        if (changed.Count > 0) await Outbox.CommitAsync([.. changed.Select(p => new OutboxMessage(OutboxMessageKind.AttendanceMarked, p))]);
        return CommandResult<RegisterSnapshot>.Ok(Snapshot(expected));
    }

    public async Task<IReadOnlyList<NotArrivedAlert>> RaiseNotArrivedAsync(bool morning)
    {
        var (urn, date) = Day;
        if (AttendanceRules.SessionOn(date, morning) is not { } session) return [];
        var now = clock.GetUtcNow();
        var raised = (await ExpectedAsync())
            .Where(e => e.Sessions.Contains(session))
            .Select(e => (Key: Key(e.PupilId, session), Expected: e))
            .Where(e => !State.Marks.ContainsKey(e.Key) && !State.NotArrived.ContainsKey(e.Key))
            .Select(e => (e.Key, Alert: new NotArrivedAlert(e.Expected.PupilId, e.Expected.PlacementId, e.Expected.HomeSchoolUrn, urn, date, session, now)))
            .ToList();
        if (raised.Count == 0) return [];

        foreach (var (key, alert) in raised) State.NotArrived[key] = alert;
        await Outbox.CommitAsync([.. raised.Select(r => new OutboxMessage(OutboxMessageKind.NotArrivedRaised, r.Key))]);
        return [.. raised.Select(r => r.Alert)];
    }

    public Task<IReadOnlyList<NotArrivedAlert>> GetNotArrivedAsync() =>
        Task.FromResult<IReadOnlyList<NotArrivedAlert>>([.. State.NotArrived.Values.OrderBy(a => a.Session).ThenBy(a => a.PupilId, StringComparer.Ordinal)]);

    /// <summary>Idempotent: the placement replaces the day with the marks held now; a second feed entry only tells subscribers to read again.</summary>
    protected override Task DeliverAsync(OutboxMessage message)
    {
        switch (message.Kind)
        {
            case OutboxMessageKind.AttendanceMarked:
                var marks = State.Marks.Values.Where(m => m.PlacementId == message.SubjectId).ToList();
                if (marks.Count == 0) return Task.CompletedTask;
                return GrainFactory.GetGrain<IPlacementAttendanceGrain>(AttendanceKeys.Placement(LaCode, message.SubjectId))
                    .SetDayAsync(marks[0].PupilId, Day.Date, [.. marks.OrderBy(m => m.Session).Select(m => new DatedMark(Day.Date, m.Session, m.Code))]);
            case OutboxMessageKind.NotArrivedRaised when State.NotArrived.TryGetValue(message.SubjectId, out var alert):
                return GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.NotArrived, alert.FeedSubject);
            default:
                return Task.CompletedTask;
        }
    }

    private static DomainError? Check(
        RegisterMarkRow row, string field, string urn, DateOnly date, Dictionary<string, ExpectedPupil> byPupil, RegisterWriter writer, HashSet<string> seen)
    {
        if (row is null) return DomainError.Validation(field, $"{field} must be a mark.");
        if (!byPupil.TryGetValue(row.PupilId ?? "", out var expected))
        {
            return DomainError.Validation($"{field}.pupilId", $"{field}: pupil {row.PupilId} has no placement at {urn} on {date:yyyy-MM-dd}.");
        }

        if (writer.OnlyPupilsOfSchool is { } school && expected.HomeSchoolUrn != school)
        {
            return DomainError.Forbidden($"{field}.pupilId", $"{field}: a school records marks only for pupils on its own roll.");
        }

        var session = NotArrivedAlert.SessionName(row.Session);
        if (!AttendanceRules.FallsOn(row.Session, date))
        {
            return DomainError.Validation($"{field}.session", $"{field}: {session} is not a session of {date:yyyy-MM-dd}, a {date.DayOfWeek}.");
        }

        if (!expected.Sessions.Contains(row.Session))
        {
            return DomainError.Validation($"{field}.session", $"{field}: pupil {row.PupilId} is not expected at {urn} in {session}: it is not one of the placement's sessions.");
        }

        if (!Enum.IsDefined(row.Code))
        {
            return DomainError.Validation($"{field}.code", $"{field}: not an attendance code; the codes are {AttendanceCodes.Listing}.");
        }

        return seen.Add(Key(row.PupilId!, row.Session))
            ? null
            : DomainError.Validation($"{field}.session", $"{field}: pupil {row.PupilId} has a mark for {session} earlier in the same upload.");
    }

    /// <summary>
    /// Pupils with a placement at the setting that covers the day, with its sessions booked on that
    /// day (all ten for a full-time place; a phased return's dated changes as they stood then). Ended
    /// placements count for past days, so a register can be completed after the pupil left.
    /// </summary>
    private async Task<IReadOnlyList<ExpectedPupil>> ExpectedAsync()
    {
        var (urn, date) = Day;
        var setting = GrainFactory.GetGrain<IApSettingGrain>(GrainKeys.For(LaCode, urn));
        var placements = (await setting.GetPlacementsAsync(active: true)).ToList();
        if (date < clock.Today()) placements.AddRange(await setting.GetPlacementsAsync(active: false));
        var ids = placements.Select(p => p.PlacementId).ToHashSet(StringComparer.Ordinal);
        var pupils = await Task.WhenAll(placements.Select(p => p.PupilId).Distinct(StringComparer.Ordinal)
            .Select(id => GrainFactory.GetGrain<IPupilGrain>(GrainKeys.For(LaCode, id)).GetAsync()));
        return [.. pupils.OfType<PupilSnapshot>()
            .SelectMany(pupil => pupil.Placements
                .Where(p => ids.Contains(p.PlacementId) && p.ApUrn == urn && p.RunsOn(date))
                .Select(p => new ExpectedPupil(pupil.Id, p.PlacementId, pupil.Record.HomeSchoolUrn, AttendanceRules.SessionsOn(date, p.SessionsOn(date)))))
            .Where(e => e.Sessions.Count > 0)
            .GroupBy(e => e.PupilId, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(e => e.PupilId, StringComparer.Ordinal)];
    }

    private RegisterSnapshot Snapshot(IReadOnlyList<ExpectedPupil> expected)
    {
        var (urn, date) = Day;
        return new RegisterSnapshot(urn, date, expected,
            [.. State.Marks.Values.OrderBy(m => m.PupilId, StringComparer.Ordinal).ThenBy(m => m.Session)],
            [.. State.NotArrived.Values.OrderBy(a => a.PupilId, StringComparer.Ordinal).ThenBy(a => a.Session)]);
    }

    private static string Key(string pupilId, Session session) => $"{pupilId}#{session}";
}
