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
/// The transport's own share of a request, without grains: preparing a document (parse and limits on
/// first sight, validation following at execution; a cache hit after) and executing a query that
/// reads only the caller.
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

        // The executor keeps a document only once it has executed it, and the capacity query needs
        // grains to execute: keep its parsed document here, as a first execution would have.
        var capacity = executor.Prepare(new GraphQLRequest { Query = CapacityQuery });
        services.GetRequiredService<DocumentCache>().Add(CapacityQuery, capacity.Document!);
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
