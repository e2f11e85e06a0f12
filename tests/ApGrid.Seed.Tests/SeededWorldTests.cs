using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using Orleans.Runtime;

namespace ApGrid.Seed.Tests;

/// <summary>
/// Proves the seeder writes rows exactly as Orleans's ADO.NET provider does: the grains find them
/// on activation (same key, hash, state name, serializer), and a grain's next write updates the same
/// row from version 1 to 2 instead of failing or adding a second row.
/// </summary>
public abstract class SeededWorldTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SeededClusterFixture
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public void The_world_has_the_planned_shape()
    {
        Assert.Equal(3, fixture.FirstRun.TenantsWritten);
        Assert.Equal(SeedScale.Small.Pupils, fixture.Worlds.Sum(w => w.Pupils.Count), 30.0);
        Assert.All(fixture.Worlds, w => Assert.DoesNotContain(w.Plan.Code, new[] { "901", "902" }));
        var sizes = fixture.Worlds.Select(w => w.Pupils.Count).Order().ToArray();
        Assert.True(sizes[^1] >= 10 * sizes[0], $"largest {sizes[^1]} vs smallest {sizes[0]}");
        var placed = fixture.Worlds.Sum(w => w.Pupils.Values.Count(p => p.Placements.Count > 0));
        Assert.InRange(placed, 250, 300);
        Assert.Contains(fixture.Worlds, w => w.Pupils.Values.Any(p => p.Placements.Any(pl => pl.IsActive)));
        Assert.Contains(fixture.Worlds, w => w.Pupils.Values.Any(p => p.Placements.Any(pl => !pl.IsActive)));
    }

    [Fact]
    public async Task Grains_read_the_seeded_tenant_back()
    {
        foreach (var world in fixture.Worlds)
        {
            var code = world.Plan.Code;
            await TenantContext.RunAsync(code, async () =>
            {
                var la = Grains.GetGrain<ILocalAuthorityGrain>(code);
                Assert.Equal(world.Plan.Name, (await la.GetProfileAsync())?.Name);
                Assert.True(await la.IsSeededAsync());
                var registry = await la.GetRegistryAsync();
                Assert.Equal((world.Schools.Count, world.ApSettings.Count, world.SpecialSchools.Count), (registry.Schools.Count, registry.ApSettings.Count, registry.SpecialSchools.Count));

                var index = await la.GetCapacityIndexAsync();
                Assert.Equal(world.ApSettings.Count, index.Count);
                foreach (var snapshot in index)
                {
                    var setting = world.ApSettings[snapshot.Urn];
                    var held = setting.HeldPlaces.Where(p => !fixture.EndedPlacements.Contains(p.Key)).Select(p => p.Value).ToList();
                    Assert.Equal(setting.FullTimePlaces - held.Count(p => p.FullTime), snapshot.FullTimePlacesFree);
                    Assert.Equal(setting.OutreachHoursPerWeek - setting.OutreachHoursAllocated, snapshot.OutreachHoursFree, 6);
                    Assert.All(snapshot.Sessions, s => Assert.True(s.Free >= 0));
                }

                var report = await la.GetReportAsync();
                var active = world.Pupils.Values.SelectMany(p => p.Placements).Where(p => p.IsActive && !fixture.EndedPlacements.Contains(p.PlacementId)).ToList();
                Assert.Equal((active.Count(p => p.FullTime), active.Count(p => !p.FullTime)), (report.FullTime, report.PartTime));
                Assert.Equal(world.Pupils.Values.SelectMany(p => p.Placements).Count(p => !p.IsActive || fixture.EndedPlacements.Contains(p.PlacementId)), report.Outcomes.Values.Sum());
                Assert.Equal(world.Pupils.Values.Count(p => p.WaitingListEntryIds.Count > 0), report.PupilsWaiting);
                Assert.Equal(world.LocalAuthority.EhcpFinalIssued, report.EhcpFinalIssued);
                Assert.True(report.OutreachHoursAllocated > 0);

                var (pupilId, pupil) = world.Pupils.First(p => p.Value.Placements.Count > 0 && p.Value.WaitingListEntryIds.Count == 0);
                var snapshotOfPupil = await Grains.GetGrain<IPupilGrain>(GrainKeys.For(code, pupilId)).GetAsync();
                Assert.NotNull(snapshotOfPupil);
                Assert.Equal(pupil.Record, snapshotOfPupil.Record);
                Assert.Equal(pupil.Placements.Select(p => p.PlacementId), snapshotOfPupil.Placements.Select(p => p.PlacementId));

                var (specialUrn, special) = world.SpecialSchools.First(s => s.Value.Entries.Count > 0);
                var waiting = await Grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(code, specialUrn)).GetWaitingListAsync();
                Assert.Equal(special.Entries.Count, waiting.Count);
                Assert.Equal(Enumerable.Range(1, waiting.Count), waiting.Select(e => e.Position!.Value).Order());

                var requests = await Grains.GetGrain<IOutreachBoardGrain>(code).GetRequestsAsync();
                Assert.Equal(world.OutreachBoard.Requests.Count, requests.Count);
            });
        }
    }

    /// <summary>
    /// The seed tool writes grain state classes directly, a second writer of what the grains keep
    /// consistent between them. This wakes every seeded grain and checks, through the grains' own
    /// reads only, that each fact is on both sides and the LA's figures are the grains' facts: a
    /// change to a grain's state or rules that the builder does not follow fails here.
    /// </summary>
    [Fact]
    public async Task Every_seeded_grain_agrees_with_the_others_as_the_grains_read_them()
    {
        Assert.All(fixture.Worlds.SelectMany(w => w.Pupils.Values), p => Assert.True(
            p.Outbox.Count == 0 && p.PendingRegistration is null && p.PendingPlacementStarts.Count == 0 && p.PendingWaitingListAdds.Count == 0,
            "a seeded pupil owes nothing"));
        Assert.All(fixture.Worlds.SelectMany(w => w.ApSettings.Values), s => Assert.Empty(s.Outbox));
        Assert.All(fixture.Worlds.SelectMany(w => w.SpecialSchools.Values), s => Assert.Empty(s.Outbox));

        foreach (var world in fixture.Worlds)
        {
            var code = world.Plan.Code;
            await TenantContext.RunAsync(code, async () =>
            {
                // A few dozen activations at a time: all of a tenant at once would ask PostgreSQL for more connections than it allows.
                var pupils = new Dictionary<string, PupilSnapshot>(StringComparer.Ordinal);
                foreach (var ids in world.Pupils.Keys.Chunk(50))
                {
                    foreach (var pupil in await Task.WhenAll(ids.Select(id => Grains.GetGrain<IPupilGrain>(GrainKeys.For(code, id)).GetAsync())))
                    {
                        pupils.Add(pupil!.Id, pupil);
                    }
                }

                Assert.Equal(world.Pupils.Count, pupils.Count);

                // Each held place has its pupil's active placement there, and each active placement its held place.
                var held = new HashSet<(string Placement, string Pupil, string Urn)>();
                var released = new HashSet<(string Placement, string Pupil, string Urn)>();
                foreach (var urn in world.ApSettings.Keys)
                {
                    var setting = Grains.GetGrain<IApSettingGrain>(GrainKeys.For(code, urn));
                    held.UnionWith((await setting.GetPlacementsAsync(active: true)).Select(p => (p.PlacementId, p.PupilId, urn)));
                    released.UnionWith((await setting.GetPlacementsAsync(active: false)).Select(p => (p.PlacementId, p.PupilId, urn)));
                }

                var placements = pupils.Values.SelectMany(p => p.Placements.Select(pl => (Pupil: p, Placement: pl))).ToList();
                var active = placements.Where(p => p.Placement.IsActive).ToList();
                Assert.Equal(held.Order(), active.Select(p => (p.Placement.PlacementId, p.Pupil.Id, p.Placement.ApUrn)).Order());
                Assert.Equal(released.Order(), placements.Where(p => !p.Placement.IsActive).Select(p => (p.Placement.PlacementId, p.Pupil.Id, p.Placement.ApUrn)).Order());
                Assert.All(pupils.Values, p => Assert.True(p.Placements.Count(pl => pl.IsActive) <= 1, $"{p.Id} has one active placement at most"));

                // Each open waiting entry is listed by its school and by its pupil.
                var entries = new List<WaitingListEntryRecord>();
                foreach (var urn in world.SpecialSchools.Keys)
                {
                    entries.AddRange(await Grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(code, urn)).GetWaitingListAsync());
                }

                var open = entries.Where(e => e.ClosedOn is null).ToList();
                var listedByPupils = pupils.Values
                    .SelectMany(p => (p.WaitingListEntryIds ?? []).Except(p.ClosedWaitingListEntryIds ?? []).Select(id => (id, p.Id)))
                    .Order().ToList();
                Assert.Equal(open.Select(e => (e.Id, e.PupilId)).Order(), listedByPupils);

                // The LA's figures are the grains' facts.
                var la = Grains.GetGrain<ILocalAuthorityGrain>(code);
                var report = await la.GetReportAsync();
                Assert.Equal((active.Count(p => p.Placement.FullTime), active.Count(p => !p.Placement.FullTime)), (report.FullTime, report.PartTime));
                Assert.Equal(placements.Count(p => !p.Placement.IsActive), report.Outcomes.Values.Sum());
                var waiting = open.Select(e => e.PupilId).ToHashSet(StringComparer.Ordinal);
                Assert.Equal(waiting.Count, report.PupilsWaiting);
                Assert.Equal(waiting.Count(id => active.Any(p => p.Pupil.Id == id)), report.PupilsWaitingInAp);
                Assert.Equal(
                    pupils.Values.Where(p => p.Ehcp is not null).Select(p => p.Id).Order(StringComparer.Ordinal),
                    (await la.GetEhcpCasesAsync()).Select(c => c.PupilId).Order(StringComparer.Ordinal));
                Assert.Equal(pupils.Values.Count(p => p.Ehcp?.FinalIssuedOn is not null), report.EhcpFinalIssued);

                // The LA's capacity index is each setting's own capacity, with each held place taken from it.
                var index = (await la.GetCapacityIndexAsync()).ToDictionary(s => s.Urn, StringComparer.Ordinal);
                foreach (var urn in world.ApSettings.Keys)
                {
                    var own = await Grains.GetGrain<IApSettingGrain>(GrainKeys.For(code, urn)).GetCapacityAsync();
                    Assert.NotNull(own);
                    Assert.Equal(own.FullTimePlaces - active.Count(p => p.Placement.ApUrn == urn && p.Placement.FullTime), own.FullTimePlacesFree);
                    Assert.Equal((own.FullTimePlacesFree, own.OutreachHoursFree, own.Version), (index[urn].FullTimePlacesFree, index[urn].OutreachHoursFree, index[urn].Version));
                }
            });
        }

        // Nothing was left owing: the outbox index holds no grain of this service.
        Assert.Equal([0L], await fixture.QueryAsync($"SELECT COUNT(*) FROM ApGridOutboxIndex WHERE ServiceId = '{SeededClusterFixture.ServiceId}'"));
    }

    [Fact]
    public async Task A_seeded_placement_can_be_ended_and_the_change_persists()
    {
        var world = fixture.Worlds.First(w => w.Pupils.Values.Any(p => p.Placements.Any(pl => pl.IsActive)));
        var code = world.Plan.Code;
        var (pupilId, pupil) = world.Pupils.First(p => p.Value.Placements.Any(pl => pl.IsActive));
        var placement = pupil.Placements.Single(p => p.IsActive);
        var grain = Grains.GetGrain<IPupilGrain>(GrainKeys.For(code, pupilId));
        var setting = Grains.GetGrain<IApSettingGrain>(GrainKeys.For(code, placement.ApUrn));
        var today = DateOnly.FromDateTime(fixture.Now.UtcDateTime);

        await TenantContext.RunAsync(code, async () =>
        {
            var before = await setting.GetCapacityAsync();
            var ended = await grain.EndPlacementAsync(placement.PlacementId, today, PlacementOutcome.ReturnedToMainstream);
            Assert.True(ended.Succeeded, ended.Error?.Message);
            fixture.EndedPlacements.Add(placement.PlacementId);
            var after = await setting.GetCapacityAsync();
            Assert.Equal(before!.Version + 1, after!.Version);
        });

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        await TenantContext.RunAsync(code, async () =>
        {
            var reloaded = await grain.GetAsync();
            Assert.Equal(PlacementOutcome.ReturnedToMainstream, reloaded!.Placements.Single(p => p.PlacementId == placement.PlacementId).Outcome);
            var released = await setting.GetPlacementsAsync(active: false);
            Assert.Contains(released, r => r.PlacementId == placement.PlacementId);
        });

        // One row per grain, moved from the seeded version 1 by the provider's own writes: each to 2
        // by the change, and to 3 when its deactivation cleared what the change owed (the pupil's
        // follow-ups to the LA and the feed, the setting's announcement), made by then.
        Assert.Equal([3L], await VersionsAsync(GrainKeys.For(code, pupilId)));
        Assert.Equal([3L], await VersionsAsync(GrainKeys.For(code, placement.ApUrn)));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        var rows = await CountRowsAsync();
        var again = await fixture.SeedAsync();
        Assert.Equal((0, 3, 0L), (again.TenantsWritten, again.TenantsSkipped, again.RowsInserted));
        Assert.Equal(rows, await CountRowsAsync());
    }

    private Task<List<long>> VersionsAsync(string grainKey) =>
        fixture.QueryAsync($"SELECT Version FROM OrleansStorage WHERE GrainIdExtensionString = '{grainKey}' AND ServiceId = '{SeededClusterFixture.ServiceId}'");

    private async Task<long> CountRowsAsync() => (await fixture.QueryAsync("SELECT COUNT(*) FROM OrleansStorage")).Single();
}
