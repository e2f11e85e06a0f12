using System.Diagnostics;
using System.Threading.Channels;
using ApGrid.Storage;

namespace ApGrid.Seed;

/// <summary>
/// Loads a synthetic world straight into grain storage, one tenant per transaction. The LA's row is
/// in that transaction, so it marks the tenant complete: a re-run skips tenants whose LA row exists
/// and writes the rest, and an interrupted run leaves no half tenant behind. Building and
/// serializing the next tenant overlaps with writing the current one (two cores: one each).
/// </summary>
public sealed class NationalSeeder(StorageOptions storage, string serviceId, TimeProvider clock)
{
    public async Task<SeedResult> RunAsync(SeedScale scale, SeedProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(progress);
        var elapsed = Stopwatch.StartNew();
        await StorageSchema.EnsureCreatedAsync(storage, cancellationToken);

        using var serializer = new GrainStateSerializer();
        await using var writer = await GrainStateBulkWriter.OpenAsync(storage, serviceId, cancellationToken);
        var pending = new List<SeedTenantPlan>();
        foreach (var plan in SeedWorldPlan.For(scale))
        {
            if (await writer.ExistsAsync(GrainStorageRowKey.For(GrainStateSerializer.LocalAuthorityState, plan.Code), cancellationToken))
            {
                progress.Skipped();
            }
            else
            {
                pending.Add(plan);
            }
        }

        progress.Plan(
            pending.Count,
            pending.Sum(p => (long)p.Pupils + p.Schools + p.ApSettings + p.SpecialSchools + 2),
            pending.Sum(p => (long)p.Pupils));

        var now = clock.GetUtcNow();
        var built = Channel.CreateBounded<(SeedTenantWorld World, List<GrainStateRow> Rows)>(2);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var plan in pending)
                    {
                        var world = new SyntheticTenantBuilder(plan, now).Build();
                        await built.Writer.WriteAsync((world, serializer.Rows(world)), cancellationToken);
                    }

                    built.Writer.Complete();
                }
                catch (Exception ex)
                {
                    built.Writer.Complete(ex);
                    throw;
                }
            },
            cancellationToken);

        long inserted = 0;
        long pupils = 0;
        var tenants = 0;
        await foreach (var (world, rows) in built.Reader.ReadAllAsync(cancellationToken))
        {
            inserted += await writer.WriteAsync(rows, progress.Rows, cancellationToken);
            progress.Tenant(world.Pupils.Count);
            pupils += world.Pupils.Count;
            tenants++;
        }

        await producer;
        return new SeedResult(tenants, progress.TenantsSkipped, pupils, inserted, elapsed.Elapsed);
    }
}
