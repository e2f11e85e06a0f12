namespace ApGrid.Grains;

/// <summary>
/// The tenant's root. The registry is stored; the capacity index is held in memory and rebuilt
/// from the AP settings themselves on first use, so it can never disagree with them for long.
/// </summary>
public sealed class LocalAuthorityGrain(
    [PersistentState("localAuthority")] IPersistentState<LocalAuthorityState> state,
    TimeProvider clock) : Grain, ILocalAuthorityGrain
{
    private readonly Dictionary<string, ApCapacitySnapshot> capacityIndex = new(StringComparer.Ordinal);
    private bool capacityIndexBuilt;

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

    public Task RegisterSchoolAsync(RegistryEntry school) => RegisterAsync(state.State.Schools, school);

    public Task RegisterApSettingAsync(RegistryEntry setting) => RegisterAsync(state.State.ApSettings, setting);

    public Task RegisterSpecialSchoolAsync(RegistryEntry specialSchool) => RegisterAsync(state.State.SpecialSchools, specialSchool);

    public Task<LocalAuthorityRegistry> GetRegistryAsync() => Task.FromResult(new LocalAuthorityRegistry(
        [.. state.State.Schools], [.. state.State.ApSettings], [.. state.State.SpecialSchools]));

    public Task UpdateCapacityAsync(ApCapacitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Merge(snapshot);
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
        }

        return [.. capacityIndex.Values.OrderBy(s => s.Urn, StringComparer.Ordinal)];
    }

    public async Task MarkSeededAsync()
    {
        state.State.Seeded = true;
        await WriteAsync();
    }

    public Task<bool> IsSeededAsync() => Task.FromResult(state.State.Seeded);

    public async Task RecordPlacementStartedAsync(PlacementFact fact)
    {
        if (state.State.Placements.Started(fact)) await WriteAsync();
    }

    public async Task RecordPlacementEndedAsync(PlacementFact fact)
    {
        if (state.State.Placements.EndedWith(fact)) await WriteAsync();
    }

    public Task<LaReportData> GetReportAsync() =>
        Task.FromResult(state.State.Placements.Report(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) with
        {
            EhcpFinalIssued = state.State.EhcpFinalIssued,
            EhcpIssuedWithin20Weeks = state.State.EhcpIssuedWithin20Weeks,
        });

    public async Task UpdateEhcpCaseAsync(EhcpCaseEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var previous = state.State.EhcpCases.GetValueOrDefault(entry.PupilId);
        if (previous == entry) return;

        // Count each final plan once, when it first appears, so the 20-week figure is a running count.
        if (entry.Case.FinalIssuedOn is { } final && previous?.Case.FinalIssuedOn is null)
        {
            state.State.EhcpFinalIssued++;
            if (EhcTimeline.IssuedWithin20Weeks(entry.Case.RequestedOn, final)) state.State.EhcpIssuedWithin20Weeks++;
        }

        state.State.EhcpCases[entry.PupilId] = entry;
        await WriteAsync();
    }

    public Task<IReadOnlyList<EhcpCaseEntry>> GetEhcpCasesAsync() =>
        Task.FromResult<IReadOnlyList<EhcpCaseEntry>>([.. state.State.EhcpCases.Values]);

    public async Task ReleaseUpnAsync(string upn, string pupilId)
    {
        if (state.State.PupilIdsByUpn.TryGetValue(upn, out var holder) && holder == pupilId)
        {
            state.State.PupilIdsByUpn.Remove(upn);
            await WriteAsync();
        }
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

    private void Merge(ApCapacitySnapshot snapshot)
    {
        if (!capacityIndex.TryGetValue(snapshot.Urn, out var held) || held.Version < snapshot.Version)
        {
            capacityIndex[snapshot.Urn] = snapshot;
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
