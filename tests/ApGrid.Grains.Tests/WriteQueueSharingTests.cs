using ApGrid.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;

namespace ApGrid.Grains.Tests;

/// <summary>The cluster's two silos write one SQLite file, so they write it through one queue (ClusterFixture).</summary>
[Collection(ClusterCollection.Name)]
public sealed class WriteQueueSharingTests(ClusterFixture fixture)
{
    [Fact]
    public void Both_silos_write_the_shared_file_through_one_queue()
    {
        Assert.Equal(2, fixture.Cluster.Silos.Count);
        var queues = fixture.Cluster.Silos.Select(s => s.SiloHost.Services.GetRequiredService<GrainWriteQueues>()).ToList();
        Assert.Same(queues[0], queues[1]);
        Assert.All(fixture.Cluster.Silos, s => Assert.IsType<GroupCommitGrainStorage>(
            s.SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)));
    }
}
