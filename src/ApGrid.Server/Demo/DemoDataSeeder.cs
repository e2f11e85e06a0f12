using ApGrid.Domain;
using System.Diagnostics;
using ApGrid.Grains.Abstractions;
using Microsoft.Extensions.Options;
using ErrorCode = ApGrid.Domain.ErrorCode;

namespace ApGrid.Server.Demo;

/// <summary>
/// Seeds the demo tenants as the silo starts, once: a tenant marked seeded is left alone, and every
/// create call is a no-op for an entity that exists, so an interrupted seed finishes on the next start
/// without overwriting anything users changed.
/// </summary>
public sealed partial class DemoDataSeeder(
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger,
    IOptions<DemoDataOptions> options,
    IOptions<ApGrid.Grains.AssuranceOptions> assurance) : IStartupTask
{
    // Enough to overlap storage round trips without flooding the single LA grain that every
    // registration goes through.
    private const int MaxParallelCalls = 8;

    public async Task Execute(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;

        var today = clock.Today();
        foreach (var tenant in DemoWorld.Create(today))
        {
            await TenantContext.RunAsync(tenant.Profile.Code, () => SeedAsync(tenant, cancellationToken));
        }
    }

    private async Task SeedAsync(DemoTenant tenant, CancellationToken cancellationToken)
    {
        var code = tenant.Profile.Code;
        var la = grains.GetGrain<ILocalAuthorityGrain>(code);
        if (await la.IsSeededAsync())
        {
            LogAlreadySeeded(logger, code);
            return;
        }

        var elapsed = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelCalls, CancellationToken = cancellationToken };
        await la.CreateAsync(tenant.Profile);

        // Pupils come last because registering one names its home school and placing one reserves at its AP setting.
        await Parallel.ForEachAsync(tenant.Schools, parallel, async (school, _) =>
        {
            await grains.GetGrain<ISchoolGrain>(GrainKeys.For(code, school.Urn)).CreateAsync(school.Profile);
            await la.RegisterSchoolAsync(new RegistryEntry(school.Urn, school.Profile.Name));
        });
        await Parallel.ForEachAsync(tenant.ApSettings, parallel, async (setting, _) =>
        {
            await grains.GetGrain<IApSettingGrain>(GrainKeys.For(code, setting.Urn)).CreateAsync(setting.Profile, setting.Availability);
            if (setting.Profile.Type == ApSettingType.UnregisteredProvider) await ApproveAsync(code, setting.Urn);
        });
        await Parallel.ForEachAsync(tenant.SpecialSchools, parallel, async (special, _) =>
        {
            await grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(code, special.Urn)).CreateAsync(special.Profile, special.Places, special.PlacesTaken);
        });

        var placed = 0;
        await Parallel.ForEachAsync(tenant.Pupils, parallel, async (pupil, _) =>
        {
            if (await SeedPupilAsync(code, pupil)) Interlocked.Increment(ref placed);
        });

        foreach (var entry in tenant.WaitingEntries)
        {
            // An entry already there (an interrupted seed) is refused as a conflict and left as it is.
            var added = await grains.GetGrain<IPupilGrain>(GrainKeys.For(code, entry.PupilId)).AddToWaitingListAsync(entry.SpecialSchoolUrn, entry.AddedOn, overrideReason: entry.OverrideReason);
            if (added.Error is { Code: not ErrorCode.Conflict } refused) LogRefused(logger, "waiting list", entry.PupilId, refused.Code, refused.Message);
        }

        foreach (var ehc in tenant.EhcCases) await SeedEhcCaseAsync(code, ehc);

        var outreach = grains.GetGrain<IOutreachBoardGrain>(code);
        if ((await outreach.GetRequestsAsync()).Count == 0)
        {
            foreach (var request in tenant.OutreachRequests.Where(r => r.AllocateAtSeed)) await outreach.RequestAsync(request.Request);
            await outreach.AllocateAsync();
            foreach (var request in tenant.OutreachRequests.Where(r => !r.AllocateAtSeed)) await outreach.RequestAsync(request.Request);
        }

        await la.MarkSeededAsync();
        LogSeeded(
            logger, code, tenant.Profile.Name, tenant.Schools.Count, tenant.ApSettings.Count, tenant.SpecialSchools.Count,
            tenant.Pupils.Count, placed, elapsed.ElapsedMilliseconds);
    }

    /// <summary>
    /// The demo's non-school providers were checked in person two months ago and approved, so its
    /// pupils can be placed there; insured for as long as the LA approves. A provider already
    /// assessed (an interrupted seed) is left as it is.
    /// </summary>
    private async Task ApproveAsync(string code, string urn)
    {
        var grain = grains.GetGrain<IProviderAssuranceGrain>(GrainKeys.For(code, urn));
        if ((await grain.GetAsync()).History.Count > 0) return;
        var checkedOn = clock.Today().AddDays(-60);
        var record = DueDiligenceRecord.Empty with
        {
            DslName = "Designated safeguarding lead",
            DslTrainedOn = checkedOn.AddDays(-200),
            VettingConfirmedOn = checkedOn,
            VettingConfirmedBy = "LA quality assurance officer",
            SafeguardingPolicyOn = checkedOn.AddDays(-30),
            BehaviourPolicyOn = checkedOn.AddDays(-30),
            InsuranceExpires = checkedOn.AddMonths(assurance.Value.ApprovalMonths),
            SiteRiskAssessmentOn = checkedOn.AddDays(-10),
            ActivityRiskAssessmentOn = checkedOn.AddDays(-10),
            Visits = [new VisitRecord(checkedOn, "LA quality assurance officer", "Safe premises; staff knew the pupils and the safeguarding procedure.", Rag.Green)],
        };
        await grain.RecordDueDiligenceAsync(record, AssuranceChange.DueDiligence, "demo-seed", "LA_OFFICER");
        await grain.DecideAsync(ProviderDecision.Approved, null, null, "demo-seed");
    }

    /// <returns>Whether the pupil ends up with its demo placement.</returns>
    private async Task<bool> SeedPupilAsync(string code, DemoPupil pupil)
    {
        var grain = grains.GetGrain<IPupilGrain>(GrainKeys.For(code, pupil.Id));

        // A pupil already there is from an interrupted seed, and may have been changed since:
        // it keeps what it has, and gets its placement only if it never got one.
        var existing = await grain.GetAsync();
        if (existing is null)
        {
            var registered = await grain.RegisterAsync(pupil.Record);
            if (registered.Error is { } refused)
            {
                LogRefused(logger, "registration", pupil.Id, refused.Code, refused.Message);
                return false;
            }
        }

        if (existing is not null && existing.Placements.Count > 0)
        {
            return existing.Placements.Any(p => p.PlacementId == pupil.Placement.PlacementId);
        }

        var started = await grain.StartPlacementAsync(pupil.Placement);
        if (started.Error is { } error)
        {
            LogRefused(logger, "placement", pupil.Id, error.Code, error.Message);
            return false;
        }

        // Only right after the start: a seed interrupted between the two leaves those reviews unheld, as a late panel would.
        foreach (var review in pupil.Reviews)
        {
            if ((await grain.RecordPlacementReviewAsync(pupil.Placement.PlacementId, review)).Error is { } refused)
            {
                LogRefused(logger, "review", pupil.Id, refused.Code, refused.Message);
                break;
            }
        }

        return true;
    }

    /// <summary>A case already open (an interrupted seed) is refused as a conflict and left as it is.</summary>
    private async Task SeedEhcCaseAsync(string code, DemoEhcCase ehc)
    {
        var grain = grains.GetGrain<IPupilGrain>(GrainKeys.For(code, ehc.PupilId));
        var requested = await grain.RequestEhcAssessmentAsync(ehc.RequestedOn, ehc.Source);
        if (requested.Error is { } refused)
        {
            if (refused.Code != ErrorCode.Conflict) LogRefused(logger, "EHC request", ehc.PupilId, refused.Code, refused.Message);
            return;
        }

        foreach (var milestone in ehc.Milestones)
        {
            if ((await grain.RecordEhcpMilestoneAsync(milestone.Milestone, milestone.On)).Error is { } error)
            {
                LogRefused(logger, "EHC milestone", ehc.PupilId, error.Code, error.Message);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Seeded demo tenant {Code} {Name}: {Schools} schools, {ApSettings} AP settings, {SpecialSchools} special schools, {Pupils} pupils ({Placed} placed in AP) in {ElapsedMs} ms")]
    private static partial void LogSeeded(
        ILogger logger, string code, string name, int schools, int apSettings, int specialSchools, int pupils, int placed, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo tenant {Code} is already seeded; left as it is")]
    private static partial void LogAlreadySeeded(ILogger logger, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo {Step} for pupil {PupilId} was refused: {ErrorCode} {Reason}")]
    private static partial void LogRefused(ILogger logger, string step, string pupilId, ErrorCode errorCode, string reason);
}
