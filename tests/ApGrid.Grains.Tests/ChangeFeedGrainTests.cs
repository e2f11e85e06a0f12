using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Runtime;
using Orleans.Storage;

namespace ApGrid.Grains.Tests;

/// <summary>
/// The feed stores concurrent appends in groups. These check what callers rely on: an answered append
/// is stored, sequences have no gaps and keep their order across sealed pages, observers hear of
/// entries in sequence order, and a failed write fails every append it held.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChangeFeedGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task Concurrent_appends_across_page_seals_are_all_stored_in_order_without_gaps()
    {
        var tenant = TestWorld.NewTenant();
        var feed = new TenantGrains(Grains, tenant).Feed;
        const int count = 2 * ChangeFeedGrain.PageSize + 190;

        var acknowledged = await Task.WhenAll(
            Enumerable.Range(0, count).Select(i => feed.AppendAsync(ChangeKind.Capacity, "s" + i)));

        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), acknowledged.Select(e => e.Sequence).Order());
        Assert.All(acknowledged.Select((e, i) => (e, i)), x => Assert.Equal("s" + x.i, x.e.SubjectId));
        var expected = acknowledged.OrderBy(e => e.Sequence).Select(e => (e.Sequence, e.SubjectId)).ToList();
        Assert.Equal(expected, (await ReadAllAsync(tenant, feed)).Select(e => (e.Sequence, e.SubjectId)));

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(expected, (await ReadAllAsync(tenant, feed)).Select(e => (e.Sequence, e.SubjectId)));
        Assert.Equal(count, await feed.GetLastSequenceAsync());
        var stored = await StoredFeedAsync(tenant);
        Assert.Equal(count, stored.LastSequence);
        Assert.Equal(Enumerable.Range(2 * ChangeFeedGrain.PageSize + 1, 190).Select(i => (long)i), stored.OpenPage.Select(e => e.Sequence));
    }

    /// <remarks>
    /// Orleans does not keep the order of separate messages that are in flight to a client at once
    /// (they can arrive reversed), so the feed sends each stored group as one message, in order.
    /// </remarks>
    [Fact]
    public async Task Observers_hear_of_every_entry_once_with_each_stored_group_in_sequence_order()
    {
        var tenant = TestWorld.NewTenant();
        var feed = new TenantGrains(Grains, tenant).Feed;
        var observer = new RecordingChangeObserver();
        var reference = Grains.CreateObjectReference<IChangeObserver>(observer);
        const int count = ChangeFeedGrain.PageSize + 44;
        try
        {
            await feed.SubscribeAsync(reference);
            await Task.WhenAll(Enumerable.Range(0, count).Select(i => feed.AppendAsync(ChangeKind.Capacity, "s" + i)));

            // Appends are answered once stored; observers are told after that, one way, so await what they heard.
            await observer.WaitForEntriesAsync(count, TimeSpan.FromSeconds(30));
            var messages = observer.Messages;
            Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), messages.SelectMany(m => m).Select(e => e.Sequence).Order());
            Assert.All(messages, m => Assert.Equal(Enumerable.Range((int)m[0].Sequence, m.Count).Select(i => (long)i), m.Select(e => e.Sequence)));
            Assert.True(messages.Count < count, "every entry came in a message of its own: nothing was stored in groups");
        }
        finally
        {
            Grains.DeleteObjectReference<IChangeObserver>(reference);
        }
    }

    [Fact]
    public async Task A_failed_write_fails_every_append_it_held_and_loses_none_that_were_answered()
    {
        var tenant = TestWorld.NewTenant();
        var feed = new TenantGrains(Grains, tenant).Feed;
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => feed.AppendAsync(ChangeKind.Capacity, "before" + i)));

        // Another writer's version in storage makes the activation's next write fail, as after a lost race.
        Assert.Equal(1, await BumpStoredVersionAsync(tenant));
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            try
            {
                return (Subject: "after" + i, Entry: await feed.AppendAsync(ChangeKind.Capacity, "after" + i));
            }
            catch (Exception ex) when (ex is InconsistentStateException or InvalidOperationException)
            {
                return (Subject: "after" + i, Entry: (ChangeEntry?)null);
            }
        }));
        var answered = outcomes.Where(o => o.Entry is not null).Select(o => o.Entry!).ToList();
        var failed = outcomes.Where(o => o.Entry is null).Select(o => o.Subject).ToList();
        Assert.NotEmpty(failed);

        // A later append shows the feed carries on from what storage holds.
        var next = await feed.AppendAsync(ChangeKind.Capacity, "later");
        var read = await ReadAllAsync(tenant, feed);

        Assert.Equal(Enumerable.Range(1, read.Count).Select(i => (long)i), read.Select(e => e.Sequence));
        Assert.Equal(next.Sequence, read[^1].Sequence);
        var readSubjects = read.Select(e => e.SubjectId).ToHashSet();
        Assert.All(answered, e => Assert.Contains(e.SubjectId, readSubjects));
        Assert.All(failed, s => Assert.DoesNotContain(s, readSubjects));
        Assert.Equal(5 + answered.Count + 1, read.Count);
    }

    private static async Task<List<ChangeEntry>> ReadAllAsync(string tenant, IChangeFeedGrain feed)
    {
        var all = new List<ChangeEntry>();
        while (true)
        {
            var page = await TenantContext.RunAsync(tenant, () => feed.ReadAsync(all.Count == 0 ? 0 : all[^1].Sequence, 100));
            if (page.Count == 0) return all;
            all.AddRange(page);
        }
    }

    private async Task<int> BumpStoredVersionAsync(string tenant)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Storage.SqlitePath};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE OrleansStorage SET Version = Version + 1000 WHERE " + FeedRow;
        command.Parameters.AddWithValue("$n1", FeedKeyNumber(tenant));
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<ChangeFeedState> StoredFeedAsync(string tenant)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Storage.SqlitePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE " + FeedRow;
        command.Parameters.AddWithValue("$n1", FeedKeyNumber(tenant));
        var payload = (byte[]?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("no stored feed for " + tenant);
        return fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>().Deserialize<ChangeFeedState>(payload)!;
    }

    // The feed's row is named by its state name. Orleans's ADO.NET storage reads a string key that
    // parses as hexadecimal, as every LA code does, as a number: it is stored in GrainIdN1, not as text.
    private const string FeedRow = "GrainTypeString = 'changeFeed' AND GrainIdN1 = $n1 AND GrainIdExtensionString IS NULL";

    private static long FeedKeyNumber(string tenant) => long.Parse(tenant, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
}
