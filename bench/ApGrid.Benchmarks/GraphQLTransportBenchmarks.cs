using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL;
using ApGrid.Api.GraphQL.Transport;
using ApGrid.Grains.Abstractions;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using GraphQLRequest = GraphQL.Transport.GraphQLRequest;

namespace ApGrid.Benchmarks;

/// <summary>
/// The transport's own share of a request, without grains: executing a query that reads only the
/// caller, its document from the cache, and the same on first sight (parsed and validated).
/// </summary>
[MemoryDiagnoser]
public class GraphQLTransportBenchmarks
{
    private const string ViewerQuery = "{ viewer { tenant role urn } }";

    private readonly Caller caller = new("901", Role.LaOfficer, null);
    private ServiceProvider services = null!;
    private GraphQLRequestExecutor executor = null!;
    private int unique;

    [GlobalSetup]
    public void Setup()
    {
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddApGridGraphQL(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        executor = services.GetRequiredService<GraphQLRequestExecutor>();
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark]
    public Task<object?> ExecuteViewer() => ExecuteAsync(ViewerQuery);

    [Benchmark]
    public Task<object?> ExecuteViewerFirstSight() => ExecuteAsync(ViewerQuery + "\n#" + unique++);

    private async Task<object?> ExecuteAsync(string query)
    {
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = query }, new ApGridUserContext(caller, AuditChannel.GraphQLHttp), services, CancellationToken.None);
        return result.Data;
    }
}
