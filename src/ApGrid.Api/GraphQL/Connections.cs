using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using global::GraphQL;
using global::GraphQL.Resolvers;
using global::GraphQL.Types;
using global::GraphQL.Types.Relay;
using global::GraphQL.Types.Relay.DataObjects;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// Relay-style connections beside the lists that grow with an LA: <c>xConnection(first, after, ...)</c>
/// takes the list field's own arguments and resolver, and pages its answer. A cursor names the
/// node by its stable id (URN or id), so a page after it stays right when items are added
/// elsewhere. The complexity analyzer multiplies the nodes' cost by <c>first</c> (its default
/// list multiplier when absent, which is why the default page is the same 20).
/// </summary>
public static class Connections
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    // Stable ids, by the property names the views use; a capacity match is keyed by its setting.
    private static readonly string[] KeyProperties = ["Urn", "PlacementId", "Id", "PupilId", "Setting", "Entry", "Placement", "Record", "Snapshot"];
    private static readonly ConcurrentDictionary<Type, PropertyInfo> KeyOf = new();

    /// <summary>Adds "{listField}Connection" to <paramref name="type"/>, paging what <paramref name="listField"/> answers.</summary>
    public static void AddConnectionFor<TNodeType>(this IComplexGraphType type, string listField) where TNodeType : IGraphType
    {
        ArgumentNullException.ThrowIfNull(type);
        var list = type.GetField(listField) ?? throw new InvalidOperationException($"{type.Name} has no field {listField}.");
        var arguments = new QueryArguments(
            new QueryArgument<IntGraphType> { Name = "first", Description = $"How many (1 to {MaxPageSize}; default {DefaultPageSize})." },
            new QueryArgument<StringGraphType> { Name = "after", Description = "A cursor from an earlier page (pageInfo.endCursor or an edge's cursor)." });
        foreach (var argument in list.Arguments ?? [])
        {
            arguments.Add(new QueryArgument(argument.Type!) { Name = argument.Name, Description = argument.Description, DefaultValue = argument.DefaultValue });
        }

        type.AddField(new FieldType
        {
            Name = listField + "Connection",
            Description = $"{listField}, a page at a time, with totalCount.",
            Type = typeof(NonNullGraphType<ConnectionType<TNodeType>>),
            Arguments = arguments,
            Resolver = new FuncFieldResolver<object>(async context =>
                Page(((IEnumerable<object>?)await list.Resolver!.ResolveAsync(context) ?? []).ToList(), context.GetArgument<int?>("first"), context.GetArgument<string?>("after"))),
        });
        list.DeprecationReason ??= $"Unpaged, so it grows with the LA: use {listField}Connection.";
    }

    public static Connection<object> Page(IReadOnlyList<object> all, int? first, string? after)
    {
        ArgumentNullException.ThrowIfNull(all);
        var size = first ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize) throw ApGridError.Validation("first", $"first must be 1 to {MaxPageSize}.");
        var start = 0;
        if (after is not null)
        {
            var key = Decode(after) ?? throw ApGridError.Validation("after", "after must be a cursor from this list.");
            var index = IndexOf(all, key);
            if (index < 0) throw ApGridError.Validation("after", "after names an item no longer in this list; start again without after.");
            start = index + 1;
        }

        var edges = all.Skip(start).Take(size).Select(node => new Edge<object> { Cursor = Encode(Key(node)), Node = node }).ToList();
        return new Connection<object>
        {
            TotalCount = all.Count,
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = start + edges.Count < all.Count,
                HasPreviousPage = start > 0,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    private static int IndexOf(IReadOnlyList<object> all, string key)
    {
        for (var i = 0; i < all.Count; i++)
        {
            if (Key(all[i]) == key) return i;
        }

        return -1;
    }

    private static string Key(object node)
    {
        var property = KeyOf.GetOrAdd(node.GetType(), t => KeyProperties.Select(t.GetProperty).FirstOrDefault(p => p is not null)
            ?? throw new InvalidOperationException($"{t.Name} has no id to page by."));
        var value = property.GetValue(node);
        return value is string text ? text : Key(value!);
    }

    private static string Encode(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string cursor)
    {
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var length) ? Encoding.UTF8.GetString(buffer, 0, length) : null;
    }
}
