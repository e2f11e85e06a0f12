using System.Collections.Concurrent;
using global::GraphQL;
using global::GraphQL.DI;
using GraphQLParser.AST;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// Parsed documents that already passed validation, by query text, so a repeated query is neither
/// parsed nor validated again: only <see cref="ExecutionOptions.CachedDocumentValidationRules"/>
/// (what the transport cannot carry) run on it. Bounded: when full it starts afresh.
/// </summary>
public sealed class DocumentCache : IConfigureExecution
{
    private const int Capacity = 2000;
    private readonly ConcurrentDictionary<string, GraphQLDocument> documents = new(StringComparer.Ordinal);

    /// <summary>After the option configurations (validation rules), as graphql-dotnet's own caches run.</summary>
    public float SortOrder => 200;

    /// <summary>The validated document kept for this query text, if any: the HTTP validators read it to judge a conditional GET without parsing it again.</summary>
    public GraphQLDocument? Find(string? query) => query is null ? null : documents.GetValueOrDefault(query);

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Document is not null || options.Query is not { } query) return await next(options).ConfigureAwait(false);

        if (documents.TryGetValue(query, out var cached))
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options).ConfigureAwait(false);
        }

        var result = await next(options).ConfigureAwait(false);

        // Executed: it passed validation. The transport's own rule may still refuse it on a later request.
        if (result.Executed && result.Document is { } document)
        {
            if (documents.Count >= Capacity) documents.Clear();
            documents[query] = document;
        }

        return result;
    }
}
