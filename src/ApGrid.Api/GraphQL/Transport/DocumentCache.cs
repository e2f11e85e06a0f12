using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// Parsed documents that already passed validation and the limits, by query text, so a repeated
/// query is neither parsed nor validated again. Bounded: when full it starts afresh.
/// </summary>
public sealed class DocumentCache
{
    private const int Capacity = 2000;
    private readonly ConcurrentDictionary<string, GraphQLDocument> documents = new(StringComparer.Ordinal);

    public int Count => documents.Count;

    public bool TryGet(string query, out GraphQLDocument document) => documents.TryGetValue(query, out document!);

    public void Add(string query, GraphQLDocument document)
    {
        if (documents.Count >= Capacity) documents.Clear();
        documents[query] = document;
    }
}
