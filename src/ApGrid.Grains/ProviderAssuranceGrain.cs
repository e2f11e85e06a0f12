namespace ApGrid.Grains;

/// <summary>
/// Keeps one provider's due diligence and the LA's decision, every change a new version. The
/// setting learns the approval through the outbox; lapses are raised on the change feed once each,
/// by a reminder that runs while the provider has an approval to lapse.
/// </summary>
public sealed class ProviderAssuranceGrain(
    [PersistentState("providerAssurance")] IPersistentState<ProviderAssuranceState> state, TimeProvider clock, IOptions<AssuranceOptions> options,
    ILogger<ProviderAssuranceGrain> logger)
    : OutboxGrain<ProviderAssuranceState>(state, s => s.Outbox, logger), IProviderAssuranceGrain, IRemindable
{
    private const string AlertReminder = "provider-alerts";

    private string Urn => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    private string LaCode => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private AssurancePolicy Policy => options.Value.Policy;

    public Task<ProviderAssuranceSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public async Task<CommandResult<ProviderAssuranceSnapshot>> RecordDueDiligenceAsync(DueDiligenceRecord record, AssuranceChange change, string by, string role)
    {
        ArgumentNullException.ThrowIfNull(record);
        var error = Check(record, clock.Today());
        if (error is not null) return CommandResult<ProviderAssuranceSnapshot>.Fail(error);

        State.DueDiligence = record;
        return await CommitAsync(change, by, role, null);
    }

    public async Task<CommandResult<ProviderAssuranceSnapshot>> DecideAsync(ProviderDecision decision, string? reason, DateOnly? approvedUntil, string by)
    {
        var today = clock.Today();
        var record = State.DueDiligence;
        var error = decision switch
        {
            ProviderDecision.NotDecided => DomainError.Validation("decision", "decision must be APPROVED, APPROVED_WITH_CONDITIONS, NOT_APPROVED or SUSPENDED."),
            ProviderDecision.Approved => DueDiligenceRules.CheckApprovable(
                !string.IsNullOrWhiteSpace(record.DslName), record.VettingConfirmedOn is not null, record.InsuranceExpires >= today, record.LastVisitOn is not null,
                record.HasUnresolvedConcern),
            _ when string.IsNullOrWhiteSpace(reason) => DomainError.Validation("reason", "reason is required: the conditions, or why the provider is not approved or suspended."),
            _ => null,
        };
        if (approvedUntil is { } until && (until <= today || decision is not (ProviderDecision.Approved or ProviderDecision.ApprovedWithConditions)))
        {
            error ??= DomainError.Validation("approvedUntil", "approvedUntil is a day after today, for an approval only.");
        }

        if (error is not null) return CommandResult<ProviderAssuranceSnapshot>.Fail(error);

        var approving = decision is ProviderDecision.Approved or ProviderDecision.ApprovedWithConditions;
        State.Decision = new ProviderDecisionRecord(
            decision, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), approving ? approvedUntil ?? today.AddMonths(Policy.ApprovalMonths).AddDays(-1) : null, today, by);
        return await CommitAsync(AssuranceChange.Decision, by, "LA_OFFICER", State.Decision.Reason);
    }

    public async Task<CommandResult<ProviderAssuranceSnapshot>> OverrideAsync(string pupilId, string reason, string by)
    {
        if (string.IsNullOrWhiteSpace(reason)) return CommandResult<ProviderAssuranceSnapshot>.Fail(DomainError.Validation("reason", "reason is required for an override."));
        State.Overrides.RemoveAll(o => o.PupilId == pupilId);
        State.Overrides.Add(new ApprovalOverride(pupilId, reason.Trim(), by, clock.Today()));
        return await CommitAsync(AssuranceChange.Override, by, "LA_OFFICER", $"{pupilId}: {reason.Trim()}");
    }

    public async Task<CommandResult<ProviderAssuranceSnapshot>> ExtendPlacementAsync(string placementId, DateOnly until, string reason, string by)
    {
        if (string.IsNullOrWhiteSpace(reason)) return CommandResult<ProviderAssuranceSnapshot>.Fail(DomainError.Validation("reason", "reason is required for an extension, as recorded at the review."));
        if (until <= clock.Today()) return CommandResult<ProviderAssuranceSnapshot>.Fail(DomainError.Validation("until", "until must be after today."));
        State.Extensions[placementId] = new PlacementExtension(placementId, until, reason.Trim(), by, clock.Today());
        return await CommitAsync(AssuranceChange.Extension, by, "LA_OFFICER", $"{placementId} until {until:yyyy-MM-dd}: {reason.Trim()}");
    }

    public async Task<IReadOnlyList<string>> CheckAlertsAsync()
    {
        var today = clock.Today();
        var standing = ProviderStandingRules.Evaluate(Approval().ToEvidence(), today, Policy.AlertDaysBefore);
        var owed = standing.Lapsed.Select(e => AlertSubject(e, lapsed: true))
            .Concat(standing.ExpiringSoon.Select(e => AlertSubject(e, lapsed: false)))
            .Where(s => !State.AlertsRaised.Contains(s))
            .ToList();
        if (owed.Count == 0) return [];

        // Recorded and sent in one write: the outbox delivers each once the record of it is stored.
        State.AlertsRaised.UnionWith(owed);
        await Outbox.CommitAsync([.. owed.Select(s => new OutboxMessage(OutboxMessageKind.ProviderAlertRaised, s))]);
        return owed;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != AlertReminder) return;
        await CheckAlertsAsync();
        if (!OwesAlerts() && await this.GetReminder(AlertReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    /// <summary>"urn#INSURANCE#2026-12-01#LAPSED": the provider, what, its last valid day, and whether it has lapsed or is about to.</summary>
    private string AlertSubject(ProviderExpiry expiry, bool lapsed) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Urn}#{ExpiryItemNames.SchemaName(expiry.Item)}#{(expiry.ValidUntil == DateOnly.MinValue ? "NONE" : expiry.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}#{(lapsed ? "LAPSED" : "EXPIRING")}");

    // Only an approval can lapse; suspended or refused providers are red already and raise nothing more.
    private bool OwesAlerts() => State.Decision?.Decision is ProviderDecision.Approved or ProviderDecision.ApprovedWithConditions;

    private static DomainError? Check(DueDiligenceRecord record, DateOnly today) =>
        DueDiligenceRules.CheckDone("dslTrainedOn", record.DslTrainedOn, today)
        ?? DueDiligenceRules.CheckDone("vettingConfirmedOn", record.VettingConfirmedOn, today)
        ?? DueDiligenceRules.CheckDone("safeguardingPolicyOn", record.SafeguardingPolicyOn, today)
        ?? DueDiligenceRules.CheckDone("behaviourPolicyOn", record.BehaviourPolicyOn, today)
        ?? DueDiligenceRules.CheckDone("siteRiskAssessmentOn", record.SiteRiskAssessmentOn, today)
        ?? DueDiligenceRules.CheckDone("activityRiskAssessmentOn", record.ActivityRiskAssessmentOn, today)
        ?? DueDiligenceRules.CheckDone("ofstedJudgementOn", record.OfstedJudgementOn, today)
        ?? (record.RegisteredSchool && !Domain.Urn.TryParse(record.OfstedUrn, out _) ? DomainError.Validation("ofstedUrn", "ofstedUrn must be 6 digits for a registered school.") : null)
        ?? (record.VettingConfirmedOn is not null && string.IsNullOrWhiteSpace(record.VettingConfirmedBy) ? DomainError.Validation("vettingConfirmedBy", "vettingConfirmedBy names who confirmed the checks.") : null)
        ?? record.Visits.Select(v => DueDiligenceRules.CheckDone("visits", v.On, today)
            ?? (string.IsNullOrWhiteSpace(v.By) || string.IsNullOrWhiteSpace(v.Findings) ? DomainError.Validation("visits", "Every visit names who visited and what they found.") : null)).FirstOrDefault(e => e is not null)
        ?? record.Concerns.Select(c => DueDiligenceRules.CheckConcern("concerns", c.RaisedOn, c.ResolvedOn, today)
            ?? (string.IsNullOrWhiteSpace(c.Summary) ? DomainError.Validation("concerns", "Every concern says what it is.") : null)).FirstOrDefault(e => e is not null)
        ?? (record.Themes.GroupBy(t => t.Theme).Any(g => g.Count() > 1) ? DomainError.Validation("themes", "Each theme is assessed once.") : null);

    private async Task<CommandResult<ProviderAssuranceSnapshot>> CommitAsync(AssuranceChange change, string by, string role, string? note)
    {
        State.History.Add(new AssuranceVersion(State.History.Count + 1, clock.GetUtcNow(), by, role, change, State.DueDiligence, State.Decision, note));
        await Outbox.CommitAsync(
            new OutboxMessage(OutboxMessageKind.SettingApproval, Urn),
            new OutboxMessage(OutboxMessageKind.ProviderAssuranceChanged, Urn));
        if (OwesAlerts())
        {
            await this.RegisterOrUpdateReminder(AlertReminder, options.Value.AlertCheckPeriod, options.Value.AlertCheckPeriod);
            await CheckAlertsAsync();
        }

        return CommandResult<ProviderAssuranceSnapshot>.Ok(Snapshot());
    }

    /// <summary>Idempotent: the setting keeps the newest approval by version; a repeated feed entry only tells subscribers to read again.</summary>
    protected override Task DeliverAsync(OutboxMessage message) => message.Kind switch
    {
        OutboxMessageKind.SettingApproval => GrainFactory.GetGrain<IApSettingGrain>(this.GetPrimaryKeyString()).SetApprovalAsync(Approval()),
        OutboxMessageKind.ProviderAssuranceChanged => GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.ProviderAssurance, Urn),
        OutboxMessageKind.ProviderAlertRaised => GrainFactory.GetGrain<IChangeFeedGrain>(LaCode).AppendAsync(ChangeKind.ProviderAlert, message.SubjectId),
        _ => Task.CompletedTask,
    };

    private ProviderApproval Approval()
    {
        var record = State.DueDiligence;
        var decision = State.Decision;
        return new ProviderApproval(
            State.History.Count,
            decision?.Decision ?? ProviderDecision.NotDecided,
            decision?.Reason,
            decision?.ApprovedUntil,
            record.InsuranceExpires,
            AssurancePolicy.ValidUntil(record.VettingConfirmedOn, Policy.VettingValidMonths),
            AssurancePolicy.ValidUntil(record.LastVisitOn, Policy.VisitValidMonths),
            [.. State.Overrides]) { AlertDaysBefore = Policy.AlertDaysBefore };
    }

    private ProviderAssuranceSnapshot Snapshot() =>
        new(Urn, State.DueDiligence, State.Decision, [.. State.History], [.. State.Overrides], [.. State.Extensions.Values], Approval(), Policy.MaxNonSchoolWeeks);
}
