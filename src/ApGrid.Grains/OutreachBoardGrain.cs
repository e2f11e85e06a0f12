namespace ApGrid.Grains;

/// <summary>
/// The LA's outreach requests and allocations. A round plans with the published rule over the LA's
/// capacity index, stores the plan, then asks each chosen setting to take its hours; the setting has
/// the last word, so a plan made on a stale index can never push a setting past its caps.
/// </summary>
public sealed class OutreachBoardGrain(
    [PersistentState("outreachBoard")] IPersistentState<OutreachBoardState> state, TimeProvider clock, IOptions<OutreachOptions> outreach, ILogger<OutreachBoardGrain> logger)
    : OutboxGrain<OutreachBoardState>(state, s => s.Outbox, logger), IOutreachBoardGrain
{
    // Reads interleave with a round in progress, so they are answered from what was last stored.
    private OutreachRequestRecord[] committed = [];

    private string LaCode => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        committed = [.. State.Requests];
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<CommandResult<OutreachRequestRecord>> RequestAsync(OutreachRequestRecord request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var invalid = OutreachRules.ValidateRequest(request.Reason, request.SuspensionsThisTerm, request.HoursRequested, request.RequestedOn, clock.Today());
        if (invalid is not null) return CommandResult<OutreachRequestRecord>.Fail(invalid);

        var recorded = request with
        {
            Id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"or-{State.Requests.Count + 1}"),
            Reason = request.Reason.Trim(),
            Allocation = null,
        };
        State.Requests.Add(recorded);
        await Outbox.CommitAsync(Changed(recorded.Id));
        return CommandResult<OutreachRequestRecord>.Ok(recorded);
    }

    public Task<IReadOnlyList<OutreachRequestRecord>> GetRequestsAsync() => Task.FromResult<IReadOnlyList<OutreachRequestRecord>>(committed);

    public async Task<IReadOnlyList<OutreachRequestRecord>> AllocateAsync()
    {
        if (State.Pending.Count == 0)
        {
            var plan = await PlanAsync();
            if (plan.Count == 0) return [];
            State.Pending = [.. plan.Select(a => new OutreachAssignmentPlan(a.RequestId, a.Urn, a.Hours))];
            await Outbox.WriteAsync();
        }

        var allocated = new List<OutreachRequestRecord>();
        foreach (var assignment in State.Pending)
        {
            var taken = await GrainFactory.GetGrain<IApSettingGrain>(GrainKeys.For(LaCode, assignment.ApUrn))
                .AllocateOutreachAsync(assignment.RequestId, assignment.Hours);
            if (taken.Error is not null) continue; // the setting changed since the index was read: the request stays open

            var index = State.Requests.FindIndex(r => r.Id == assignment.RequestId);
            State.Requests[index] = State.Requests[index] with
            {
                Allocation = new OutreachAllocationRecord(assignment.ApUrn, assignment.Hours, clock.Today()),
            };
            allocated.Add(State.Requests[index]);
        }

        State.Pending = [];
        await Outbox.CommitAsync([.. allocated.Select(r => Changed(r.Id))]);
        return allocated;
    }

    private async Task<IReadOnlyList<OutreachAssignment>> PlanAsync()
    {
        var open = State.Requests.Where(r => r.Allocation is null).ToList();
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

    /// <summary>Reads see what is now stored, before any message about it is delivered.</summary>
    protected override void OnStateWritten() => committed = [.. State.Requests];

    private static OutboxMessage Changed(string requestId) => new(OutboxMessageKind.OutreachChanged, requestId);

    protected override OutboxMessage Describe(OutboxMessage message) => message is { Kind: OutboxMessageKind.OutreachChanged }
        ? message with { Detail = ChangeDetails.Plain(ChangeAction.OutreachChanged, "An outreach request changed.", ActorContext.Role) }
        : message;

    protected override Task DeliverAsync(OutboxMessage message) => message.Kind == OutboxMessageKind.OutreachChanged
        ? GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.Outreach, message.SubjectId, message.Detail)
        : Task.CompletedTask;
}
