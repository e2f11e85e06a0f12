using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL;
using ApGrid.Api.GraphQL.Transport;
using ApGrid.Grains.Abstractions;
using global::GraphQL;
using global::GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using GraphQLRequest = global::GraphQL.Transport.GraphQLRequest;

namespace ApGrid.Api.Tests.Transport;

/// <summary>The document cache as the app registers it, through the executor both transports use; the query reads only the caller, so no grains are needed.</summary>
public sealed class DocumentCacheTests : IDisposable
{
    private readonly CountingRule counting = new();
    private readonly ServiceProvider services;
    private readonly GraphQLRequestExecutor executor;

    public DocumentCacheTests()
    {
        var collection = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddApGridGraphQL(new ConfigurationBuilder().Build());
        collection.AddGraphQL(b => b.AddValidationRule(counting));
        services = collection.BuildServiceProvider();
        executor = services.GetRequiredService<GraphQLRequestExecutor>();
    }

    [Fact]
    public async Task A_repeated_query_is_validated_once()
    {
        var first = await ExecuteAsync("{ viewer { tenant } }");
        var again = await ExecuteAsync("{ viewer { tenant } }");
        await ExecuteAsync("{ viewer { role } }");

        Assert.True(first.Executed && again.Executed);
        Assert.Null(again.Errors);
        Assert.Equal(2, counting.Validated);
    }

    [Fact]
    public async Task A_cached_document_still_meets_the_transports_rule()
    {
        await ExecuteAsync("{ viewer { tenant } }");

        var refused = await ExecuteAsync("{ viewer { tenant } }", new OperationTypeRule("Mutations only here.", OperationType.Mutation));

        Assert.False(refused.Executed);
        Assert.IsType<OperationNotAllowedError>(Assert.Single(refused.Errors!));
        Assert.Equal(1, counting.Validated);
    }

    [Fact]
    public async Task A_document_over_a_limit_is_refused_before_validation_and_stays_refused()
    {
        var query = "{ " + string.Join(' ', Enumerable.Range(0, 40).Select(i => $"a{i}: viewer {{ tenant }}")) + " }";

        var first = await ExecuteAsync(query);
        var again = await ExecuteAsync(query);

        Assert.IsType<DocumentLimitError>(Assert.Single(first.Errors!));
        Assert.IsType<DocumentLimitError>(Assert.Single(again.Errors!));
        Assert.False(first.Executed || again.Executed);
        Assert.Equal(0, counting.Validated);
    }

    [Fact]
    public async Task A_document_refused_by_validation_is_not_kept()
    {
        var first = await ExecuteAsync("{ viewer { nothingHere } }");
        var again = await ExecuteAsync("{ viewer { nothingHere } }");

        Assert.False(first.Executed || again.Executed);
        Assert.NotNull(again.Errors);
        Assert.Equal(2, counting.Validated);
    }

    public void Dispose() => services.Dispose();

    private Task<ExecutionResult> ExecuteAsync(string query, IValidationRule? transportRule = null) =>
        executor.ExecuteAsync(new GraphQLRequest { Query = query }, new ApGridUserContext(new Caller("901", Role.LaOfficer, null), AuditChannel.GraphQLHttp),
            services, CancellationToken.None, transportRule);

    private sealed class CountingRule : ValidationRuleBase
    {
        private int validated;

        public int Validated => Volatile.Read(ref validated);

        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
        {
            Interlocked.Increment(ref validated);
            return default;
        }
    }
}
