namespace ApGrid.Grains;

/// <summary>
/// The LA's outreach requests and allocations. A round plans with the published rule over the LA's
/// capacity index, stores the plan, then asks each chosen setting to take its hours; the setting has
/// the last word, so a plan made on a stale index can never push a setting past its caps.
/// </summary>
public sealed partial class OutreachBoardGrain(
    [PersistentState("outreachBoard")] IPersistentState<OutreachBoardState> state,
    TimeProvider clock,
    IOptions<OutreachOptions> outreach,
    ILogger<OutreachBoardGrain> logger) : Grain, IOutreachBoardGrain
{
    // Reads interleave with a round in progress, so they are answered from what was last stored.
    private OutreachRequestRecord[] committed = [];

    private string LaCode => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        committed = [.. state.State.Requests];
        return Task.CompletedTask;
    }

    public async Task<CommandResult<OutreachRequestRecord>> RequestAsync(OutreachRequestRecord request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var invalid = OutreachRules.ValidateRequest(request.Reason, request.SuspensionsThisTerm, request.HoursRequested, request.RequestedOn, clock.Today());
        if (invalid is not null) return CommandResult<OutreachRequestRecord>.Fail(invalid);

        var recorded = request with
        {
            Id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"or-{state.State.Requests.Count + 1}"),
            Reason = request.Reason.Trim(),
            Allocation = null,
        };
        state.State.Requests.Add(recorded);
        await WriteAsync();
        await NotifyAsync(recorded.Id);
        return CommandResult<OutreachRequestRecord>.Ok(recorded);
    }

    public Task<IReadOnlyList<OutreachRequestRecord>> GetRequestsAsync() => Task.FromResult<IReadOnlyList<OutreachRequestRecord>>(committed);

    public async Task<IReadOnlyList<OutreachRequestRecord>> AllocateAsync()
    {
        if (state.State.Pending.Count == 0)
        {
            var plan = await PlanAsync();
            if (plan.Count == 0) return [];
            state.State.Pending = [.. plan.Select(a => new OutreachAssignmentPlan(a.RequestId, a.Urn, a.Hours))];
            await WriteAsync();
        }

        var allocated = new List<OutreachRequestRecord>();
        foreach (var assignment in state.State.Pending)
        {
            var taken = await GrainFactory.GetGrain<IApSettingGrain>(GrainKeys.For(LaCode, assignment.ApUrn))
                .AllocateOutreachAsync(assignment.RequestId, assignment.Hours);
            if (taken.Error is not null) continue; // the setting changed since the index was read: the request stays open

            var index = state.State.Requests.FindIndex(r => r.Id == assignment.RequestId);
            state.State.Requests[index] = state.State.Requests[index] with
            {
                Allocation = new OutreachAllocationRecord(assignment.ApUrn, assignment.Hours, clock.Today()),
            };
            allocated.Add(state.State.Requests[index]);
        }

        state.State.Pending = [];
        await WriteAsync();
        foreach (var request in allocated) await NotifyAsync(request.Id);
        return allocated;
    }

    private async Task<IReadOnlyList<OutreachAssignment>> PlanAsync()
    {
        var open = state.State.Requests.Where(r => r.Allocation is null).ToList();
        if (open.Count == 0) return [];
        var settings = await GrainFactory.GetGrain<ILocalAuthorityGrain>(LaCode).GetCapacityIndexAsync();
        return OutreachAllocator.Allocate(
            open.Select(r => new OutreachDemand(
                r.Id, r.SchoolLocation.ToGeoPoint(), r.SuspensionsThisTerm, r.PupilDateOfBirth, r.PupilKeyStage, r.RequestedOn, r.HoursRequested)),
            settings.Select(s => new OutreachSupply(
                s.Urn, s.Profile.Location.ToGeoPoint(), s.Profile.KeyStages, s.OutreachHoursPerWeek,
                s.OutreachHoursPerWeek - s.OutreachHoursFree, s.OutreachCaseload)),
            outreach.Value.Cap);
    }

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
            committed = [.. state.State.Requests];
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task NotifyAsync(string requestId)
    {
        try
        {
            await GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.Outreach, requestId);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogNotifyFailed(logger, ex, requestId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outreach request {RequestId} was stored but the change feed was not told")]
    private static partial void LogNotifyFailed(ILogger logger, Exception ex, string requestId);
}
