namespace ApGrid.Grains;

/// <summary>
/// The LA's outreach requests and allocations. A round plans with the published rule over the LA's
/// capacity index, stores the plan, then asks each chosen setting to take its hours; the setting has
/// the last word, so a plan made on a stale index can never push a setting past its caps.
/// </summary>
public sealed class OutreachBoardGrain : Grain, IOutreachBoardGrain
{
    private readonly IPersistentState<OutreachBoardState> state;
    private readonly TimeProvider clock;
    private readonly IOptions<OutreachOptions> outreach;
    private readonly Outbox<OutreachBoardState> outbox;

    // Reads interleave with a round in progress, so they are answered from what was last stored.
    private OutreachRequestRecord[] committed = [];

    public OutreachBoardGrain(
        [PersistentState("outreachBoard")] IPersistentState<OutreachBoardState> state, TimeProvider clock, IOptions<OutreachOptions> outreach, ILogger<OutreachBoardGrain> logger)
    {
        this.state = state;
        this.clock = clock;
        this.outreach = outreach;
        outbox = new(this, state, s => s.Outbox, DeliverAsync, logger);
    }

    private string LaCode => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        committed = [.. state.State.Requests];
        outbox.OnActivate();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => outbox.OnDeactivateAsync();

    public Task ResumeOutboxAsync() => outbox.ResumeAsync();

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
        outbox.Add(Changed(recorded.Id));
        await WriteAsync();
        await outbox.DeliverAsync();
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
        outbox.Add([.. allocated.Select(r => Changed(r.Id))]);
        await WriteAsync();
        await outbox.DeliverAsync();
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

    /// <summary>Writes through the outbox, then lets reads see what is now stored.</summary>
    private async Task WriteAsync()
    {
        await outbox.WriteAsync();
        committed = [.. state.State.Requests];
    }

    private static OutboxMessage Changed(string requestId) => new(OutboxMessageKind.OutreachChanged, requestId);

    private Task DeliverAsync(OutboxMessage message) => message.Kind == OutboxMessageKind.OutreachChanged
        ? GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.Outreach, message.SubjectId)
        : Task.CompletedTask;
}
