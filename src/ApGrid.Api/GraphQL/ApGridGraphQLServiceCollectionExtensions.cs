using ApGrid.Api.ChangeFeed;
using ApGrid.Api.GraphQL.Transport;
using global::GraphQL;
using global::GraphQL.Validation.Complexity;
using Microsoft.Extensions.Configuration;

namespace ApGrid.Api.GraphQL;

public static class ApGridGraphQLServiceCollectionExtensions
{
    public static IServiceCollection AddApGridGraphQL(this IServiceCollection services, IConfiguration configuration, bool exposeExceptionDetails = false)
    {
        var limits = configuration.GetSection("GraphQL:Limits").Get<GraphQLLimits>() ?? new GraphQLLimits();
        services.AddSingleton(limits);
        services.AddGraphQL(b => b
            .AddSchema<ApGridSchema>()
            .AddGraphTypes(typeof(ApGridSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider(_ => new ApGridErrorInfoProvider(exposeExceptionDetails))
            // Depth is DocumentLimits' to check (in DocumentCache, before validation): the analyzer's would count introspection too.
            .AddComplexityAnalyzer(o =>
            {
                o.MaxComplexity = limits.MaxComplexity;
                // Introspection's answer is bounded by the schema's size, not multiplied like data: it
                // costs nothing here, and DocumentLimits bounds its shape instead.
                var standard = o.DefaultComplexityImpactDelegate;
                o.DefaultComplexityImpactDelegate = field => field.FieldDefinition.Name is "__schema" or "__type"
                    ? new FieldComplexityResult(0, 0)
                    : standard(field);
            }));

        // One instance: graphql-dotnet runs it as a step of every execution, and the HTTP validators read it.
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<global::GraphQL.DI.IConfigureExecution>(sp => sp.GetRequiredService<DocumentCache>());
        services.AddSingleton(configuration.GetSection("GraphQL:WebSocket").Get<GraphQLWebSocketOptions>() ?? new GraphQLWebSocketOptions());
        services.AddSingleton<WebSocketTokenValidator>();
        services.AddSingleton<SocketCaps>();
        services.AddSingleton<GraphQLRequestExecutor>();
        services.AddSingleton<ChangeFeedHub>();
        services.AddSingleton<ChangeCursors>();
        services.AddSingleton<CapacitySnapshotMemo>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFeedHub>());
        return services;
    }
}
