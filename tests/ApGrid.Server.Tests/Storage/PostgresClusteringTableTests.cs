using ApGrid.TestSupport;
using System.Net;
using ApGrid.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;

namespace ApGrid.Server.Tests.Storage;

/// <summary>
/// Orleans's own ADO.NET membership table, running against our 002-clustering.sql on a fresh
/// PostgreSQL database: the compare-and-swap rules silos rely on to agree who is in the cluster.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class PostgresClusteringTableTests : IAsyncLifetime
{
    private const string ClusterId = "test-cluster";
    private string connectionString = "";
    private AdoNetClusteringTable table = null!;

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync("apgrid_t_");
        var storage = new StorageOptions { Provider = StorageOptions.PostgresProvider, ConnectionString = connectionString };
        await StorageSchema.EnsureCreatedAsync(storage, CancellationToken.None);
        table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = ClusterId, ServiceId = "apgrid" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = StorageOptions.PostgresInvariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
    }

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(connectionString);

    [Fact]
    public async Task A_new_table_has_version_zero_and_no_silos_and_a_second_start_keeps_it()
    {
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);

        var all = await table.ReadAllAsync();

        Assert.Empty(all.Members);
        Assert.Equal(0, all.Version.Version);
    }

    [Fact]
    public async Task Insert_succeeds_once_per_version_and_never_twice_for_one_silo()
    {
        var version = (await table.ReadAllAsync()).Version;
        var silo = Entry(1, SiloStatus.Joining);

        Assert.True(await table.InsertRowAsync(silo, version.Next()));
        Assert.False(await table.InsertRowAsync(Entry(2, SiloStatus.Joining), version.Next()));  // stale version
        var current = (await table.ReadAllAsync()).Version;
        Assert.False(await table.InsertRowAsync(silo, current.Next()));  // the silo is there already

        var all = await table.ReadAllAsync();
        var (stored, _) = Assert.Single(all.Members);
        Assert.Equal(1, all.Version.Version);
        Assert.Equal(silo.SiloAddress, stored.SiloAddress);
        Assert.Equal(silo.HostName, stored.HostName);
        Assert.Equal(silo.SiloName, stored.SiloName);
        Assert.Equal(silo.ProxyPort, stored.ProxyPort);
        Assert.Equal(SiloStatus.Joining, stored.Status);
    }

    [Fact]
    public async Task Update_needs_the_current_version_and_keeps_suspicions()
    {
        var silo = Entry(1, SiloStatus.Joining);
        var other = Entry(2, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));
        Assert.True(await table.InsertRowAsync(other, (await table.ReadAllAsync()).Version.Next()));
        var read = await table.ReadRowAsync(silo.SiloAddress);
        var (entry, etag) = Assert.Single(read.Members);

        entry.Status = SiloStatus.Active;
        entry.AddOrUpdateSuspector(other.SiloAddress, DateTime.UtcNow, maxVotes: 2);
        Assert.True(await table.UpdateRowAsync(entry, etag, read.Version.Next()));
        Assert.False(await table.UpdateRowAsync(entry, etag, read.Version.Next()));  // someone (we) moved the version on

        var (updated, _) = Assert.Single((await table.ReadRowAsync(silo.SiloAddress)).Members);
        Assert.Equal(SiloStatus.Active, updated.Status);
        Assert.Equal(other.SiloAddress, Assert.Single(updated.SuspectTimes ?? []).Item1);
        Assert.Equal(3, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task I_am_alive_moves_the_heartbeat_but_not_the_version()
    {
        var silo = Entry(1, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));
        silo.IAmAliveTime = silo.IAmAliveTime.AddMinutes(1);

        await table.UpdateIAmAliveAsync(silo);

        var read = await table.ReadRowAsync(silo.SiloAddress);
        var (stored, _) = Assert.Single(read.Members);
        Assert.Equal(silo.IAmAliveTime, stored.IAmAliveTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, read.Version.Version);
    }

    [Fact]
    public async Task Cleanup_removes_only_silos_that_are_no_longer_active_and_silent_since_the_cut_off()
    {
        var dead = Entry(1, SiloStatus.Dead, aliveAgo: TimeSpan.FromHours(2));
        var active = Entry(2, SiloStatus.Active, aliveAgo: TimeSpan.FromHours(2));
        var recentlyDead = Entry(3, SiloStatus.Dead, aliveAgo: TimeSpan.FromMinutes(1));
        foreach (var entry in new[] { dead, active, recentlyDead })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(-1));

        var left = (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal(new HashSet<SiloAddress> { active.SiloAddress, recentlyDead.SiloAddress }, left);
    }

    [Fact]
    public async Task Deleting_the_cluster_removes_its_silos_and_version()
    {
        Assert.True(await table.InsertRowAsync(Entry(1, SiloStatus.Active), (await table.ReadAllAsync()).Version.Next()));

        await table.DeleteMembershipTableEntriesAsync(ClusterId);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);

        var all = await table.ReadAllAsync();
        Assert.Empty(all.Members);
        Assert.Equal(0, all.Version.Version);
    }

    private static MembershipEntry Entry(int n, SiloStatus status, TimeSpan? aliveAgo = null)
    {
        // Whole milliseconds: PostgreSQL keeps microseconds, Orleans compares what it wrote.
        var now = DateTime.UtcNow;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var alive = now - (aliveAgo ?? TimeSpan.Zero);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11110 + n), 1000 + n),
            SiloName = $"silo-{n}",
            HostName = "test-host",
            Status = status,
            ProxyPort = 30000 + n,
            StartTime = alive.AddMinutes(-5),
            IAmAliveTime = alive,
        };
    }
}
