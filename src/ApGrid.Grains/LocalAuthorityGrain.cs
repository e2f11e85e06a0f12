namespace ApGrid.Grains;

/// <summary>
/// The tenant's root. The registry is stored; the capacity index is held in memory and rebuilt
/// from the AP settings themselves on first use, so it can never disagree with them for long.
/// </summary>
public sealed class LocalAuthorityGrain(
    [PersistentState("localAuthority")] IPersistentState<LocalAuthorityState> state,
    TimeProvider clock,
    IOptions<EhcpDeadlineOptions> deadlines,
    IOptions<SchoolLeavingOptions> leaving,
    IOptions<ExclusionDutyOptions> exclusionDuties,
    IOptions<StatisticsOptions> statistics) : Grain, ILocalAuthorityGrain, IRemindable
{
    private const string EhcpDeadlineReminder = "ehcp-deadlines";
    private const string SchoolLeavingReminder = "school-leaving";
    private const string ExclusionDutyReminder = "exclusion-duties";

    private readonly Dictionary<string, ApCapacitySnapshot> capacityIndex = new(StringComparer.Ordinal);
    private bool capacityIndexBuilt;
    private CapacityIndexVersion capacityVersion = new(Guid.NewGuid(), 0);
    private bool deadlineReminderRegistered;
    private bool leavingReminderRegistered;
    private bool attendanceWatchStarted;
    private bool exclusionReminderRegistered;

    // Dropped by every write; figures computed on an earlier day are stale too.
    private (DateOnly Day, LaReportData Data)? storedFigures;

    private string LaCode => this.GetPrimaryKeyString();

    public async Task<bool> CreateAsync(LocalAuthorityProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (state.State.Profile is not null) return false;
        state.State.Profile = profile;
        await WriteAsync();
        return true;
    }

    public Task<LocalAuthorityProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public async Task<LocalAuthorityProfile?> SetConsentPolicyAsync(IReadOnlyList<PlacementRoute> consentRoutes)
    {
        if (state.State.Profile is not { } profile) return null;
        state.State.Profile = profile with { ConsentRoutes = [.. consentRoutes.Distinct().Order()] };
        await WriteAsync();
        return state.State.Profile;
    }

    public async Task TrackPackageAsync(string pupilId, string homeSchoolUrn, bool tracked)
    {
        var changed = tracked
            ? state.State.PackagePupils.TryGetValue(pupilId, out var urn) is false || urn != homeSchoolUrn
            : state.State.PackagePupils.ContainsKey(pupilId);
        if (!changed) return;
        if (tracked) state.State.PackagePupils[pupilId] = homeSchoolUrn;
        else state.State.PackagePupils.Remove(pupilId);
        await WriteAsync();
    }

    public Task TrackReferralAsync(string referralId, string pupilId, bool open) => FileAsync(state.State.OpenReferrals, referralId, pupilId, open);

    public Task<IReadOnlyDictionary<string, string>> GetOpenReferralsAsync() => Copy(state.State.OpenReferrals);

    public Task TrackNotificationAsync(string placementId, string pupilId, bool open) => FileAsync(state.State.OpenNotifications, placementId, pupilId, open);

    public Task<IReadOnlyDictionary<string, string>> GetOpenNotificationsAsync() => Copy(state.State.OpenNotifications);

    /// <summary>Files or unfiles an item on a worklist (item → pupil id); a repeat writes nothing.</summary>
    private async Task FileAsync(Dictionary<string, string> worklist, string id, string pupilId, bool open)
    {
        if (open == worklist.ContainsKey(id)) return;
        if (open) worklist[id] = pupilId;
        else worklist.Remove(id);
        await WriteAsync();
    }

    private static Task<IReadOnlyDictionary<string, string>> Copy(Dictionary<string, string> worklist) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(worklist, StringComparer.Ordinal));

    public Task<IReadOnlyDictionary<string, string>> GetPackagePupilsAsync() => Copy(state.State.PackagePupils);

    public Task RegisterSchoolAsync(RegistryEntry school) => RegisterAsync(state.State.Schools, school);

    public Task RegisterApSettingAsync(RegistryEntry setting) => RegisterAsync(state.State.ApSettings, setting);

    public Task RegisterSpecialSchoolAsync(RegistryEntry specialSchool) => RegisterAsync(state.State.SpecialSchools, specialSchool);

    /// <summary>In URN order, so every listing is the same whatever order the settings were registered in.</summary>
    public Task<LocalAuthorityRegistry> GetRegistryAsync() => Task.FromResult(new LocalAuthorityRegistry(
        [.. state.State.Schools.OrderBy(e => e.Urn, StringComparer.Ordinal)],
        [.. state.State.ApSettings.OrderBy(e => e.Urn, StringComparer.Ordinal)],
        [.. state.State.SpecialSchools.OrderBy(e => e.Urn, StringComparer.Ordinal)]));

    public Task UpdateCapacityAsync(ApCapacitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Merge(snapshot);
        // Before the index is built it holds only the settings that reported: no total yet.
        if (capacityIndexBuilt) PlacesFreeGauge.Publish(LaCode, capacityIndex.Values);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<ApCapacitySnapshot>> GetCapacityIndexAsync()
    {
        if (!capacityIndexBuilt)
        {
            // Settings answer GetCapacity even while they wait on us, so this cannot deadlock.
            var snapshots = await Task.WhenAll(state.State.ApSettings.Select(s =>
                GrainFactory.GetGrain<IApSettingGrain>(GrainKeys.For(LaCode, s.Urn)).GetCapacityAsync()));
            foreach (var snapshot in snapshots.OfType<ApCapacitySnapshot>()) Merge(snapshot);
            capacityIndexBuilt = true;
            PlacesFreeGauge.Publish(LaCode, capacityIndex.Values);
        }

        return [.. capacityIndex.Values.OrderBy(s => s.Urn, StringComparer.Ordinal)];
    }

    public async Task<VersionedCapacityIndex> GetVersionedCapacityIndexAsync()
    {
        var settings = await GetCapacityIndexAsync();
        return new VersionedCapacityIndex(capacityVersion, settings);
    }

    public Task<CapacityIndexVersion> GetCapacityVersionAsync() => Task.FromResult(capacityVersion);

    public async Task MarkSeededAsync()
    {
        state.State.Seeded = true;
        await WriteAsync();
    }

    public Task<bool> IsSeededAsync() => Task.FromResult(state.State.Seeded);

    public async Task RecordPlacementStartedAsync(PlacementFact fact)
    {
        if (state.State.Placements.Started(fact, clock.GetUtcNow()))
        {
            await WriteAsync();
            ApGridTelemetry.PlacementsStarted.Add(1, new KeyValuePair<string, object?>("la", LaCode));
        }
        if (!leavingReminderRegistered)
        {
            var period = leaving.Value.LeavingAgeCheckPeriod;
            await this.RegisterOrUpdateReminder(SchoolLeavingReminder, period, period);
            leavingReminderRegistered = true;
        }

        // Pupils in AP are what the not-arrived watch looks for: it starts with the first placement.
        if (!attendanceWatchStarted)
        {
            await GrainFactory.GetGrain<IAttendanceWatchGrain>(LaCode).StartAsync();
            attendanceWatchStarted = true;
        }
    }

    public async Task RecordAttendanceAsync(string placementId, AttendanceCounts toDate)
    {
        ArgumentNullException.ThrowIfNull(toDate);
        // The bands count active placements only; an ended one's figures (a late correction) would only grow the state.
        if (state.State.Placements.Ended.Contains(placementId)) return;
        if (state.State.AttendanceByPlacement.TryGetValue(placementId, out var held) && held == toDate) return;
        state.State.AttendanceByPlacement[placementId] = toDate;
        await WriteAsync();
    }

    /// <summary>Per pupil, not per placement: a pupil at two providers has one attendance, their sessions at both.</summary>
    public Task<IReadOnlyDictionary<AttendanceBand, int>> GetAttendanceBandsAsync()
    {
        var bands = Enum.GetValues<AttendanceBand>().ToDictionary(b => b, _ => 0);
        foreach (var pupil in state.State.Placements.Active.GroupBy(a => a.Value.PupilId, StringComparer.Ordinal))
        {
            var tally = pupil.Aggregate(AttendanceTally.None, (sum, a) =>
                sum.Plus(state.State.AttendanceByPlacement.GetValueOrDefault(a.Key)?.ToTally() ?? AttendanceTally.None));
            bands[AttendanceRules.BandOf(tally)]++;
        }

        return Task.FromResult<IReadOnlyDictionary<AttendanceBand, int>>(bands);
    }

    public Task<IReadOnlyList<string>> EndPlacementsAtSchoolLeavingAgeAsync()
    {
        var today = clock.Today();
        var due = state.State.Placements.Active
            .Where(a => SchoolYear.CompulsorySchoolAgeEnds(a.Value.DateOfBirth) <= today)
            .Select(a => (PlacementId: a.Key, a.Value.PupilId))
            .ToList();
        foreach (var (placementId, pupilId) in due)
        {
            // One way: the pupil's end comes back here through its outbox, which this turn must not wait for.
            _ = GrainFactory.GetGrain<IPupilGrain>(GrainKeys.For(LaCode, pupilId)).EndAtSchoolLeavingAgeAsync(placementId);
        }

        return Task.FromResult<IReadOnlyList<string>>([.. due.Select(d => d.PlacementId)]);
    }

    public async Task RecordPlacementEndedAsync(PlacementFact fact)
    {
        if (!state.State.Placements.EndedWith(fact, clock.GetUtcNow())) return;
        state.State.AttendanceByPlacement.Remove(fact.PlacementId);
        await WriteAsync();
    }

    public async Task<LaReportData> GetReportAsync()
    {
        var settings = await GetCapacityIndexAsync();
        return StoredFigures(clock.Today()) with { OutreachHoursAllocated = settings.Sum(s => s.OutreachHoursPerWeek - s.OutreachHoursFree) };
    }

    public async Task<LaReportData> GetReportAsync(LaReportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var report = await GetReportAsync();
        if (filter == LaReportFilter.None) return report;
        return Narrowed(report, state.State.Placements.Report(report.AsOf, filter));
    }

    /// <summary>The report with its figures over time taken from <paramref name="overTime"/>, the placements a filter narrowed to.</summary>
    private static LaReportData Narrowed(LaReportData report, LaReportData overTime) => report with
    {
        LengthOfStay = overTime.LengthOfStay,
        OngoingStays = overTime.OngoingStays,
        PupilsInApByTypeAndAge = overTime.PupilsInApByTypeAndAge,
        CensusDate = overTime.CensusDate,
        EntryCohort = overTime.EntryCohort,
        ApType = overTime.ApType,
    };

    /// <summary>
    /// Taken by the first request of each publication period and stored, so every caller outside
    /// the LA sees the same figures all period, whichever node serves them and however often the
    /// grain is reactivated. Read interleaved; only taking them queues with the LA's writes.
    /// </summary>
    public async Task<PublishedReport> GetPublishedReportAsync(LaReportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var published = CurrentPublication() ?? await this.AsReference<ILocalAuthorityGrain>().PublishReportAsync();
        if (filter == LaReportFilter.None) return published;
        return published with { Data = Narrowed(published.Data, state.State.Placements.Report(published.Data.AsOf, filter, recordedBefore: published.TakenAt)) };
    }

    public async Task<PublishedReport> PublishReportAsync()
    {
        if (CurrentPublication() is { } current) return current;
        var published = new PublishedReport(clock.GetUtcNow(), await GetReportAsync(), await GetAttendanceBandsAsync(), await GetEhcpTimelinessAsync());
        state.State.PublishedReport = published;
        await WriteAsync();
        return published;
    }

    private PublishedReport? CurrentPublication() =>
        state.State.PublishedReport is { } published
        && published.TakenAt >= DisclosureControl.PublicationPeriodStart(clock.GetUtcNow(), statistics.Value.PublishEvery)
            ? published
            : null;

    /// <summary>
    /// The report's figures from stored state. The wait figures visit every open waiting entry
    /// (thousands in the largest LAs) and every reader of the LA queues on this one activation, so
    /// they are computed once per write and per day rather than once per request: otherwise the
    /// report's cost, and the rate one LA can serve it at, would follow the LA's size.
    /// </summary>
    private LaReportData StoredFigures(DateOnly today)
    {
        if (storedFigures is { } held && held.Day == today) return held.Data;

        var waits = state.State.OpenWaitingEntries.Values
            .GroupBy(f => f.PupilId, StringComparer.Ordinal)
            .Select(g => new { PupilId = g.Key, Days = WaitingListRules.DaysWaiting(g.Min(f => f.AddedOn), null, today) })
            .ToList();
        var sortedDays = waits.Select(w => w.Days).Order().ToList();
        var inAp = state.State.Placements.Active.Values.Select(a => a.PupilId).ToHashSet(StringComparer.Ordinal);
        var data = state.State.Placements.Report(today) with
        {
            EhcpFinalIssued = state.State.EhcpFinalIssued,
            EhcpIssuedWithin20Weeks = state.State.EhcpIssuedWithin20Weeks,
            SpecialSchoolWaitMedianDays = WaitStatistics.Percentile(sortedDays, 50),
            SpecialSchoolWaitP90Days = WaitStatistics.Percentile(sortedDays, 90),
            PupilsWaitingInAp = waits.Count(w => inAp.Contains(w.PupilId)),
            PupilsWaiting = waits.Count,
        };
        storedFigures = (today, data);
        return data;
    }

    public async Task UpdateWaitingEntryAsync(WaitingFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (fact.Open)
        {
            if (state.State.OpenWaitingEntries.GetValueOrDefault(fact.EntryId) == fact) return;
            state.State.OpenWaitingEntries[fact.EntryId] = fact;
        }
        else if (!state.State.OpenWaitingEntries.Remove(fact.EntryId))
        {
            return;
        }

        await WriteAsync();
    }

    /// <summary>
    /// One pass over the tracker: every case's deadlines are worked out from the entry held here
    /// (no pupil is visited), so a sweep costs memory-speed work per case and a storage write only
    /// when something was raised or met. The raised set holds only deadlines still overdue, so it
    /// stays the size of today's backlog however long plans live.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckEhcpDeadlinesAsync()
    {
        var today = clock.Today();
        var overdueDeadlines = state.State.EhcpCases.Values
            .SelectMany(e => e.Deadlines(today).Where(d => d.IsOverdueOn(today)).Select(d => (Subject: DeadlineSubject(e.PupilId, d), Deadline: d)))
            .ToDictionary(d => d.Subject, d => d.Deadline, StringComparer.Ordinal);
        var overdue = overdueDeadlines.Keys.ToHashSet(StringComparer.Ordinal);
        var raised = overdue.Where(subject => !state.State.EhcpOverdueRaised.Contains(subject)).Order(StringComparer.Ordinal).ToList();

        // Met, or no longer owed: if the same deadline ever lapsed again it would be news again.
        var changed = state.State.EhcpOverdueRaised.RemoveWhere(subject => !overdue.Contains(subject)) > 0;

        // Raised before they are recorded: a crash in between raises them again rather than never.
        // Sent together, so the feed stores them in a few group writes: one at a time, the first
        // sweep of a large LA held this grain for a storage round trip per overdue deadline.
        var feed = GrainFactory.GetGrain<IChangeFeedGrain>(LaCode);
        var appends = raised.Select(subject => (Subject: subject, Stored: feed.AppendAsync(ChangeKind.EhcpDeadline, subject, ChangeDetails.DeadlineOverdue(overdueDeadlines[subject].Kind, overdueDeadlines[subject].DueOn)))).ToList();
        try
        {
            await Task.WhenAll(appends.Select(a => a.Stored));
        }
        finally
        {
            // Those already on the feed are recorded even when others failed, so the next sweep
            // raises only the ones that did not get there.
            state.State.EhcpOverdueRaised.UnionWith(appends.Where(a => a.Stored.IsCompletedSuccessfully).Select(a => a.Subject));
        }

        if (changed || raised.Count > 0) await WriteAsync();
        return raised;
    }

    /// <summary>What a feed consumer needs to tell the deadline apart: the pupil, its kind in the schema's words, and the due date.</summary>
    public static string DeadlineSubject(string pupilId, EhcDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{pupilId}#{EhcDeadlines.SchemaName(deadline.Kind)}#{deadline.DueOn:yyyy-MM-dd}");
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SchoolLeavingReminder)
        {
            await EndPlacementsAtSchoolLeavingAgeAsync();
            return;
        }

        if (reminderName == ExclusionDutyReminder)
        {
            await CheckExclusionDutiesAsync();
            if (state.State.ExclusionDuties.Count == 0)
            {
                // The next exclusion that owes a duty registers the sweep again.
                if (await this.GetReminder(ExclusionDutyReminder) is { } reminder) await this.UnregisterReminder(reminder);
                exclusionReminderRegistered = false;
            }

            return;
        }

        if (reminderName != EhcpDeadlineReminder) return;

        await CheckEhcpDeadlinesAsync();
        if (!state.State.EhcpCases.Values.Any(OwesADeadline))
        {
            // Only a deadline still owed can fall overdue; the next case that owes one registers the sweep again.
            if (await this.GetReminder(EhcpDeadlineReminder) is { } reminder) await this.UnregisterReminder(reminder);
            deadlineReminderRegistered = false;
        }
    }

    public async Task UpdateEhcpCaseAsync(EhcpCaseEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var previous = state.State.EhcpCases.GetValueOrDefault(entry.PupilId);
        if (previous == entry) return;

        // Count each final plan once, when it first appears, so the 20-week figures are running counts.
        if (entry.Case.FinalIssuedOn is { } final)
        {
            var within = EhcTimeline.IssuedWithin20Weeks(entry.Case.RequestedOn, final);
            var excluded = entry.Case.ExcludedFromTimeliness;
            if (previous?.Case.FinalIssuedOn is null)
            {
                state.State.EhcpFinalIssued++;
                if (within) state.State.EhcpIssuedWithin20Weeks++;
                CountForYear(final.Year, new EhcTimelinessCounts(1, excluded ? 1 : 0, within && !excluded ? 1 : 0));
            }
            else if (excluded && !previous.Case.ExcludedFromTimeliness)
            {
                // An exception recorded after the plan: it leaves the SEN2 figure it was counted in.
                CountForYear(final.Year, new EhcTimelinessCounts(0, 1, within ? -1 : 0));
            }
        }

        state.State.EhcpCases[entry.PupilId] = entry;
        await WriteAsync();
        if (OwesADeadline(entry) && !deadlineReminderRegistered)
        {
            var period = deadlines.Value.OverdueCheckPeriod;
            await this.RegisterOrUpdateReminder(EhcpDeadlineReminder, period, period);
            deadlineReminderRegistered = true;
        }
    }

    public Task<IReadOnlyDictionary<int, EhcTimelinessCounts>> GetEhcpTimelinessAsync() =>
        Task.FromResult<IReadOnlyDictionary<int, EhcTimelinessCounts>>(new Dictionary<int, EhcTimelinessCounts>(state.State.EhcpTimelinessByYear));

    private void CountForYear(int year, EhcTimelinessCounts counts) =>
        state.State.EhcpTimelinessByYear[year] = state.State.EhcpTimelinessByYear.GetValueOrDefault(year, EhcTimelinessCounts.None).Plus(counts);

    // A standing plan always owes its next annual review, so plans keep the sweep alive for as long as they last.
    private bool OwesADeadline(EhcpCaseEntry entry) => EhcDeadlines.Next(entry.Deadlines(clock.Today())) is not null;

    public Task<IReadOnlyList<EhcpCaseEntry>> GetEhcpCasesAsync() =>
        Task.FromResult<IReadOnlyList<EhcpCaseEntry>>([.. state.State.EhcpCases.Values]);

    // Sixth-day duties: sent by the pupils' outboxes, checked against the placement stints already
    // held here, so neither the list nor the sweep visits a pupil.

    public async Task UpdateExclusionDutyAsync(string exclusionId, ExclusionDutyEntry? entry)
    {
        var duties = state.State.ExclusionDuties;
        if (entry is null)
        {
            if (!duties.Remove(exclusionId)) return;
            state.State.ExclusionDutiesRaised.Remove(exclusionId);
        }
        else
        {
            if (duties.GetValueOrDefault(exclusionId) == entry) return;
            duties[exclusionId] = entry;
        }

        await WriteAsync();
        if (duties.Count > 0 && !exclusionReminderRegistered)
        {
            var period = exclusionDuties.Value.DutyCheckPeriod;
            await this.RegisterOrUpdateReminder(ExclusionDutyReminder, period, period);
            exclusionReminderRegistered = true;
        }
    }

    public Task<IReadOnlyList<ExclusionDutyStatus>> GetExclusionDutiesAsync() => Task.FromResult<IReadOnlyList<ExclusionDutyStatus>>(ExclusionDutiesOn(clock.Today()));

    /// <summary>
    /// The raised set holds only duties still listed, and a suspension leaves the list after its last
    /// day, so both stay the size of the open duties. Permanent exclusions stay until reinstated.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckExclusionDutiesAsync()
    {
        var today = clock.Today();
        var over = state.State.ExclusionDuties.Values.Where(e => e.LastDay < today).Select(e => e.ExclusionId).ToList();
        foreach (var id in over)
        {
            state.State.ExclusionDuties.Remove(id);
            state.State.ExclusionDutiesRaised.Remove(id);
        }

        var raised = ExclusionDutiesOn(today)
            .Where(s => s.Overdue && !state.State.ExclusionDutiesRaised.Contains(s.Entry.ExclusionId))
            .Select(s => s.Entry.ExclusionId).Order(StringComparer.Ordinal).ToList();

        // As for EHC deadlines: raised before recorded, so a crash in between raises again rather than never.
        var feed = GrainFactory.GetGrain<IChangeFeedGrain>(LaCode);
        var appends = raised.Select(id => (Id: id, Stored: feed.AppendAsync(ChangeKind.ExclusionDutyOverdue, id))).ToList();
        try
        {
            await Task.WhenAll(appends.Select(a => a.Stored));
        }
        finally
        {
            state.State.ExclusionDutiesRaised.UnionWith(appends.Where(a => a.Stored.IsCompletedSuccessfully).Select(a => a.Id));
        }

        if (over.Count > 0 || raised.Count > 0) await WriteAsync();
        return raised;
    }

    private List<ExclusionDutyStatus> ExclusionDutiesOn(DateOnly today)
    {
        var placements = state.State.Placements.Stints.Values.ToLookup(s => s.PupilId, s => (s.Start, s.End), StringComparer.Ordinal);
        return [.. state.State.ExclusionDuties.Values
            .Where(e => e.LastDay is null || e.LastDay >= today)
            .Select(e =>
            {
                var provided = ExclusionRules.IsProvidedOn(e.SixthDay, placements[e.PupilId]);
                return new ExclusionDutyStatus(e, provided, ExclusionRules.IsOverdue(e.SixthDay, provided, today));
            })
            .OrderBy(s => s.Entry.SixthDay)
            .ThenBy(s => s.Entry.ExclusionId, StringComparer.Ordinal)];
    }

    public async Task ReleaseUpnAsync(string upn, string pupilId)
    {
        if (state.State.PupilIdsByUpn.TryGetValue(upn, out var holder) && holder == pupilId)
        {
            state.State.PupilIdsByUpn.Remove(upn);
            await WriteAsync();
        }
    }

    public async Task RecordUpnMatchAsync(UpnMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (state.State.UpnMatches.TryGetValue(match.PupilId, out var held) && held == match) return;
        state.State.UpnMatches[match.PupilId] = match;
        await WriteAsync();
    }

    public Task<IReadOnlyList<UpnMatch>> GetUpnMatchesAsync() =>
        Task.FromResult<IReadOnlyList<UpnMatch>>([.. state.State.UpnMatches.Values.OrderBy(m => m.RegisteredAt).ThenBy(m => m.PupilId, StringComparer.Ordinal)]);

    // A copy: readers interleave with writes that change the dictionary. A school's registration
    // of a UPN another record holds is a pupil too, though it holds no claim.
    public Task<IReadOnlyList<string>> GetPupilIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.PupilIdsByUpn.Values, .. state.State.UpnMatches.Keys]);

    public async Task ForgetPupilRecordsAsync(string pupilId, IReadOnlyList<RetainedRecordKind> kinds, string? upn)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var s = state.State;
        static bool RemoveWhere<T>(Dictionary<string, T> from, Func<T, bool> match)
        {
            var keys = from.Where(p => match(p.Value)).Select(p => p.Key).ToList();
            foreach (var key in keys) from.Remove(key);
            return keys.Count > 0;
        }

        var changed = false;
        if (kinds.Contains(RetainedRecordKind.Sen))
        {
            changed |= s.EhcpCases.Remove(pupilId);
            changed |= RemoveWhere(s.OpenWaitingEntries, f => f.PupilId == pupilId);
            changed |= s.EhcpOverdueRaised.RemoveWhere(k => k.StartsWith(pupilId + "#", StringComparison.Ordinal)) > 0;
        }

        if (kinds.Contains(RetainedRecordKind.Referral)) changed |= RemoveWhere(s.OpenReferrals, p => p == pupilId);
        if (kinds.Contains(RetainedRecordKind.Placement))
        {
            changed |= RemoveWhere(s.OpenNotifications, p => p == pupilId);
            var placements = s.Placements.Stints.Where(p => p.Value.PupilId == pupilId).Select(p => p.Key).ToList();
            foreach (var id in placements) changed |= s.AttendanceByPlacement.Remove(id);
            changed |= s.Placements.Anonymise(pupilId, "x-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5)));
        }
        if (kinds.Contains(RetainedRecordKind.Exclusion))
        {
            var duties = s.ExclusionDuties.Where(d => d.Value.PupilId == pupilId).Select(d => d.Key).ToList();
            foreach (var id in duties)
            {
                s.ExclusionDuties.Remove(id);
                s.ExclusionDutiesRaised.Remove(id);
            }

            changed |= duties.Count > 0;
        }

        if (upn is not null)
        {
            changed |= s.PackagePupils.Remove(pupilId);
            if (s.PupilIdsByUpn.TryGetValue(upn, out var holder) && holder == pupilId) changed |= s.PupilIdsByUpn.Remove(upn);
        }

        if (changed) await WriteAsync();
    }

    public async Task<string> ClaimUpnAsync(string upn, string pupilId)
    {
        if (state.State.PupilIdsByUpn.TryGetValue(upn, out var holder)) return holder;
        state.State.PupilIdsByUpn[upn] = pupilId;
        await WriteAsync();
        return pupilId;
    }

    /// <summary>A failed write drops the activation, so state that did not reach storage is never saved later by accident.</summary>
    private async Task WriteAsync()
    {
        // State changed before this call; a report taken while the write is in flight sees the change, as it did before.
        storedFigures = null;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        PlacesFreeGauge.Withdraw(LaCode);
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    private void Merge(ApCapacitySnapshot snapshot)
    {
        if (!capacityIndex.TryGetValue(snapshot.Urn, out var held) || held.Version < snapshot.Version)
        {
            capacityIndex[snapshot.Urn] = snapshot;
            capacityVersion = capacityVersion with { Change = capacityVersion.Change + 1 };
        }
    }

    private async Task RegisterAsync(List<RegistryEntry> registry, RegistryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var index = registry.FindIndex(e => e.Urn == entry.Urn);
        if (index >= 0 && registry[index] == entry) return;
        if (index >= 0) registry[index] = entry; else registry.Add(entry);
        await WriteAsync();
    }
}
