using System.Globalization;
using ApGrid.Domain.Gias;

namespace ApGrid.Api.Gias;

/// <summary>Writes one run's plans through the grains (or, in a dry run, only says what it would write), collecting the report.</summary>
internal sealed class GiasImportRun(IGrainFactory grains, TimeProvider clock, GiasImportOptions options)
{
    public List<GiasReportLine> Created { get; } = [];

    public List<GiasReportLine> Updated { get; } = [];

    public List<GiasReportLine> Closed { get; } = [];

    public List<GiasReportLine> Moved { get; } = [];

    public List<GiasReportLine> ForLa { get; } = [];

    public List<GiasReportLine> Skipped { get; } = [];

    public int Unchanged { get; private set; }

    private bool DryRun => options.DryRun;

    public async Task ApplyAsync(string tenant, GiasHoldings held, GiasImportPlan plan, IReadOnlyList<GiasEstablishment> rows, CancellationToken cancellationToken)
    {
        var la = grains.GetGrain<ILocalAuthorityGrain>(tenant);
        var opened = rows.ToDictionary(r => r.Urn, r => r.OpenDate, StringComparer.Ordinal);
        var predecessors = plan.Successions.Where(s => s.Successor is not null).GroupBy(s => s.Successor!).ToDictionary(g => g.Key, g => g.Select(s => s.Urn).ToList(), StringComparer.Ordinal);
        Unchanged += plan.Unchanged;
        Skipped.AddRange(plan.Skipped.Select(s => new GiasReportLine(tenant, s.Urn, s.Name, s.Reason)));

        foreach (var create in plan.Creates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var facts = create.Facts;
            var error = DryRun ? null : await CreateAsync(tenant, la, held, create, predecessors.GetValueOrDefault(create.Urn) ?? []);
            if (error is null) Created.Add(Line(tenant, create.Urn, facts.Name, $"{Words(facts)} created"));
            else ForLa.Add(Line(tenant, create.Urn, facts.Name, $"not created: {error}"));
        }

        foreach (var update in plan.Updates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var error = DryRun ? null : await UpdateAsync(tenant, la, held, update);
            if (error is not null)
            {
                ForLa.Add(Line(tenant, update.Urn, update.Facts.Name, $"not updated: {error}"));
                continue;
            }

            var others = update.Changed.Where(c => c != "closed").ToList();
            if (others.Count > 0) Updated.Add(Line(tenant, update.Urn, update.Facts.Name, string.Join(", ", others)));
            if (update.Closes) Closed.Add(Line(tenant, update.Urn, update.Facts.Name, update.Facts.ClosedOn is { } on ? $"closed on {on:d MMMM yyyy}" : "closed"));
        }

        var inApGrid = new HashSet<string>(held.Facts.Keys.Concat(plan.Creates.Select(c => c.Urn)), StringComparer.Ordinal);
        foreach (var succession in plan.Successions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var successorOpened = succession.Successor is { } s ? opened.GetValueOrDefault(s) : null;
            await MoveAsync(tenant, held, succession, inApGrid, successorOpened);
        }
    }

    private async Task<string?> CreateAsync(string tenant, ILocalAuthorityGrain la, GiasHoldings held, GiasChange create, IReadOnlyList<string> predecessors)
    {
        var f = create.Facts;
        var location = new Location(f.Location!.Value.Latitude, f.Location.Value.Longitude);
        switch (f.Kind)
        {
            case GiasKind.School:
                await grains.GetGrain<ISchoolGrain>(GrainKeys.For(tenant, create.Urn)).CreateAsync(
                    new SchoolProfile(f.Name, f.Phase, location) { Ukprn = f.Ukprn, Postcode = f.Postcode });
                await la.RegisterSchoolAsync(new RegistryEntry(create.Urn, f.Name));
                return null;
            case GiasKind.ApSetting:
                var profile = new ApSettingProfile(f.Name, f.ApSettingType!.Value, true, f.KeyStages, f.Needs, location)
                {
                    Ukprn = f.Ukprn,
                    Postcode = f.Postcode,
                    GiasPlaces = f.PlacesPru,
                };
                if (ProviderProfileRules.Check(f.Name, profile.Type, false, f.Ukprn, f.KeyStages, location.Latitude, location.Longitude, []) is { } invalid)
                {
                    return invalid.Message;
                }

                await grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, create.Urn)).CreateAsync(profile, FirstAvailability(held, f, predecessors));
                return null;
            default:
                // A converted special school keeps the places its predecessor offered; a new one starts with none until the LA sets them.
                var places = predecessors.Select(p => held.SpecialSchools.GetValueOrDefault(p)?.Places).FirstOrDefault(p => p is not null) ?? 0;
                await grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(tenant, create.Urn)).CreateAsync(
                    new SpecialSchoolProfile(f.Name, f.Needs, location) { Ukprn = f.Ukprn, Postcode = f.Postcode }, places, 0);
                return null;
        }
    }

    /// <summary>
    /// A PRU that becomes an AP academy is the same building and staff under a new URN: it starts
    /// with the places its predecessor offered, so its pupils' placements can follow it. A new
    /// setting starts with its PRU places as full-time places, which the LA then adjusts.
    /// </summary>
    private static ApAvailability FirstAvailability(GiasHoldings held, GiasFacts facts, IReadOnlyList<string> predecessors)
    {
        if (predecessors.Select(p => held.ApSettings.GetValueOrDefault(p)).FirstOrDefault(p => p is not null) is { } before)
        {
            return new ApAvailability(before.FullTimePlaces, [.. before.Sessions.Select(s => new SessionPlaces(s.Session, s.Places))], before.OutreachHoursPerWeek);
        }

        return new ApAvailability(facts.PlacesPru ?? 0, [], 0);
    }

    private async Task<string?> UpdateAsync(string tenant, ILocalAuthorityGrain la, GiasHoldings held, GiasChange update)
    {
        var f = update.Facts;
        var location = new Location(f.Location!.Value.Latitude, f.Location.Value.Longitude);
        switch (f.Kind)
        {
            case GiasKind.School:
                var school = held.Schools[update.Urn] with { Name = f.Name, Phase = f.Phase, Location = location };
                await grains.GetGrain<ISchoolGrain>(GrainKeys.For(tenant, update.Urn)).RecordGiasAsync(
                    school with { Ukprn = f.Ukprn, Postcode = f.Postcode, Closed = f.Closed, ClosedOn = f.ClosedOn });
                await la.RegisterSchoolAsync(new RegistryEntry(update.Urn, f.Name));
                return null;
            case GiasKind.ApSetting:
                var setting = held.ApSettings[update.Urn].Profile with
                {
                    Name = f.Name,
                    Type = f.ApSettingType ?? held.ApSettings[update.Urn].Profile.Type,
                    KeyStages = f.KeyStages,
                    Specialisms = f.Needs,
                    Location = location,
                    Ukprn = f.Ukprn,
                    Postcode = f.Postcode,
                    GiasPlaces = f.PlacesPru,
                    Closed = f.Closed,
                    ClosedOn = f.ClosedOn,
                };
                var recorded = await grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, update.Urn)).RecordGiasAsync(setting);
                if (!recorded.Succeeded) return recorded.Error!.Message;
                return null;
            default:
                var special = held.SpecialSchools[update.Urn].Profile with
                {
                    Name = f.Name,
                    Designations = f.Needs,
                    Location = location,
                    Ukprn = f.Ukprn,
                    Postcode = f.Postcode,
                    Closed = f.Closed,
                    ClosedOn = f.ClosedOn,
                };
                var result = await grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(tenant, update.Urn)).RecordGiasAsync(special);
                if (!result.Succeeded) return result.Error!.Message;
                return null;
        }
    }

    /// <summary>
    /// Moves what is still at a closed URN to its one successor: pupils whose home school it is,
    /// placements at it, and waiting-list entries at it. Each step looks at where the pupil is now,
    /// so a second run moves nothing. Where there is no single successor in ApGrid, the LA is told.
    /// </summary>
    private async Task MoveAsync(string tenant, GiasHoldings held, SuccessorResolution succession, HashSet<string> inApGrid, DateOnly? successorOpened)
    {
        var urn = succession.Urn;
        var name = held.Facts[urn].Name;
        var kind = held.Facts[urn].Kind;
        var onRoll = await grains.GetGrain<ISchoolGrain>(GrainKeys.For(tenant, urn)).GetPupilIdsAsync();
        var placed = kind == GiasKind.ApSetting ? await grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, urn)).GetPlacementsAsync(active: true) : [];
        var waiting = kind == GiasKind.SpecialSchool ? await grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(tenant, urn)).GetWaitingListAsync() : [];
        var pupils = new Dictionary<string, PupilSnapshot>(StringComparer.Ordinal);
        foreach (var pupilId in onRoll.Concat(placed.Select(p => p.PupilId)).Concat(waiting.Select(w => w.PupilId)).Distinct())
        {
            if (await Pupil(tenant, pupilId).GetAsync() is { } snapshot) pupils[pupilId] = snapshot;
        }

        // Outbox deliveries may still list a pupil who has already moved: what the pupil says counts.
        var stillOnRoll = pupils.Values.Where(p => onRoll.Contains(p.Id) && p.Record.HomeSchoolUrn == urn).ToList();
        var stillPlaced = placed.Where(p => pupils.TryGetValue(p.PupilId, out var s) && s.Placements.Any(x => x.PlacementId == p.PlacementId && x.IsActive)).ToList();
        if (stillOnRoll.Count == 0 && stillPlaced.Count == 0 && waiting.Count == 0) return;

        var to = succession.Successor;
        if (to is null || !inApGrid.Contains(to))
        {
            var why = succession.Outcome switch
            {
                SuccessorOutcome.Ambiguous => $"several successors ({string.Join(", ", succession.Successors)}): choose where each pupil goes",
                SuccessorOutcome.None => "no open successor in the links file",
                _ => $"its successor {to} is not one of the LA's establishments in ApGrid",
            };
            ForLa.Add(Line(tenant, urn, name, $"{Count(stillOnRoll.Count, "pupil")} on roll, {Count(stillPlaced.Count, "placement")}, {Count(waiting.Count, "waiting-list entry", "waiting-list entries")} at a closed establishment; {why}"));
            return;
        }

        foreach (var pupil in stillOnRoll)
        {
            var error = DryRun ? null : Failure(await Pupil(tenant, pupil.Id).CorrectRecordAsync(
                new PupilRecordChange(options.By, $"GIAS: {urn} closed; {to} is its successor", HomeSchoolUrn: to)));
            Report(tenant, urn, pupil.Id, $"home school {urn} → {to}", error);
        }

        var today = clock.Today();
        foreach (var placement in stillPlaced)
        {
            var record = pupils[placement.PupilId].Placements.First(p => p.PlacementId == placement.PlacementId);

            // On the day the successor opened (the conversion), or the placement's start if it began later.
            var on = Max(successorOpened ?? held.Facts[urn].ClosedOn?.AddDays(1) ?? today, record.StartDate);
            var error = DryRun ? null : Failure(await Pupil(tenant, placement.PupilId).TransferPlacementAsync(placement.PlacementId, to, on, null, null, options.By));
            Report(tenant, urn, placement.PupilId, $"placement {placement.PlacementId} at {urn} → {to} from {on:yyyy-MM-dd}", error);
        }

        foreach (var entry in waiting)
        {
            if (entry.Status != WaitingStatus.Waiting)
            {
                ForLa.Add(Line(tenant, urn, entry.PupilId, $"offered a place at {urn}, which closed: the offer stays for the LA to settle"));
                continue;
            }

            string? error = null;
            if (!DryRun)
            {
                error = Failure(await Pupil(tenant, entry.PupilId).AddToWaitingListAsync(to, entry.AddedOn, entry.ParentalPreference, entry.OverrideReason));
                if (error is null) error = Failure(await grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(tenant, urn)).RemoveEntryAsync(entry.Id));
            }

            Report(tenant, urn, entry.PupilId, $"waiting list {urn} → {to} (added {entry.AddedOn:yyyy-MM-dd})", error);
        }
    }

    private void Report(string tenant, string urn, string pupilId, string what, string? error)
    {
        if (error is null) Moved.Add(Line(tenant, urn, pupilId, what));
        else ForLa.Add(Line(tenant, urn, pupilId, $"{what} refused: {error}"));
    }

    private IPupilGrain Pupil(string tenant, string pupilId) => grains.GetGrain<IPupilGrain>(GrainKeys.For(tenant, pupilId));

    private static string? Failure<T>(CommandResult<T> result) => result.Succeeded ? null : result.Error!.Message;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Count(int n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many ?? one + "s")}");

    private static GiasReportLine Line(string tenant, string urn, string name, string what) => new(tenant, urn, name, what);

    private static string Words(GiasFacts facts) => facts.Kind switch
    {
        GiasKind.School => $"{facts.Phase.ToString().ToLowerInvariant()} school",
        GiasKind.ApSetting => facts.ApSettingType switch
        {
            ApSettingType.PupilReferralUnit => "pupil referral unit",
            ApSettingType.ApAcademy => "AP academy",
            _ => "AP free school",
        } + $" (key stages {string.Join(", ", facts.KeyStages.Select(KeyStageWords))}{Needs(facts)})",
        _ => $"special school{Needs(facts)}",
    };

    private static string Needs(GiasFacts facts) => facts.Needs.Count == 0 ? string.Empty : $"; needs {string.Join(", ", facts.Needs.Select(CensusCodes.ToCode))}";

    private static string KeyStageWords(KeyStage stage) => stage == KeyStage.Eyfs ? "EYFS" : stage.ToString().ToUpperInvariant().Replace("KS", "", StringComparison.Ordinal);
}
