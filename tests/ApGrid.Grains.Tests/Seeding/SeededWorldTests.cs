using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using ApGrid.Server.Seeding;
using Orleans.Runtime;

namespace ApGrid.Grains.Tests.Seeding;

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
    public void The_row_key_is_the_one_the_provider_computes()
    {
        // Taken from rows Orleans's AdoNetGrainStorage wrote for the demo tenant: the LA's "901" is an
        // integer key (hex 0x901), a school's "901/110001" a string key.
        var la = GrainStorageRowKey.For("localAuthority", "901");
        Assert.Equal((-569642831, 0L, 0x901L, 1729183716, (string?)null), (la.GrainIdHash, la.GrainIdN0, la.GrainIdN1, la.GrainTypeHash, la.GrainIdExtensionString));
        var school = GrainStorageRowKey.For("school", "901/110001");
        Assert.Equal((103450790, 0L, 0L, 780419389, "901/110001"), (school.GrainIdHash, school.GrainIdN0, school.GrainIdN1, school.GrainTypeHash, school.GrainIdExtensionString));
    }

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
