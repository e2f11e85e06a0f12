using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using global::GraphQL;
using global::GraphQL.DI;
using global::GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// Parsed documents that already passed validation, by query text, so a repeated query is neither
/// parsed nor validated again: only <see cref="ExecutionOptions.CachedDocumentValidationRules"/>
/// (what the transport cannot carry) run on it. A new text is parsed here and measured by
/// <see cref="DocumentLimits"/>' linear pass before graphql-dotnet's validation sees it; a text
/// over a limit is remembered by its SHA-256, so sending it again costs a hash. Both bounded: when
/// full they start afresh.
/// </summary>
public sealed class DocumentCache(IDocumentBuilder documentBuilder, GraphQLLimits limits) : IConfigureExecution
{
    private const int Capacity = 2000;
    private readonly ConcurrentDictionary<string, GraphQLDocument> documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> refusals = new(StringComparer.Ordinal);

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

        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        if (refusals.TryGetValue(hash, out var refusal)) return Refused(refusal);

        GraphQLDocument parsed;
        try
        {
            parsed = documentBuilder.Build(query);
        }
        catch (GraphQLParserException)
        {
            // graphql-dotnet parses it again and answers the syntax error in its own words.
            return await next(options).ConfigureAwait(false);
        }

        if (DocumentLimits.Check(parsed, limits) is { } over)
        {
            if (refusals.Count >= Capacity) refusals.Clear();
            refusals[hash] = over;
            return Refused(over);
        }

        options.Document = parsed;
        var result = await next(options).ConfigureAwait(false);

        // Executed: it passed validation. The transport's own rule may still refuse it on a later request.
        if (result.Executed && result.Document is { } document)
        {
            if (documents.Count >= Capacity) documents.Clear();
            documents[query] = document;
        }

        return result;
    }

    private static ExecutionResult Refused(string message) => new() { Errors = [new DocumentLimitError(message)], Executed = false };
}
