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
/// The transport's own share of a request, without grains: preparing a document (parse, limits and
/// validation on first sight; a cache hit after) and executing a query that reads only the caller.
/// </summary>
[MemoryDiagnoser]
public class GraphQLTransportBenchmarks
{
    private const string CapacityQuery = """
        query Capacity($filter: CapacityFilter) {
          apCapacity(filter: $filter) { distanceKm travelMinutes setting { urn name fullTimePlacesFree sessions { session free } } }
        }
        """;

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
        executor.Prepare(new GraphQLRequest { Query = CapacityQuery });
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark]
    public object PrepareCached() => executor.Prepare(new GraphQLRequest { Query = CapacityQuery });

    [Benchmark]
    public object PrepareFirstSight() => executor.Prepare(new GraphQLRequest { Query = CapacityQuery + "\n#" + unique++ });

    [Benchmark]
    public async Task<object?> ExecuteViewer()
    {
        var prepared = executor.Prepare(new GraphQLRequest { Query = "{ viewer { tenant role urn } }" });
        var result = await executor.ExecuteAsync(prepared, new ApGridUserContext(caller, AuditChannel.GraphQLHttp), services, CancellationToken.None);
        return result.Data;
    }
}
