using global::GraphQL.Builders;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// What an answer depends on, declared on the graph types so that no transport has to know the
/// schema's field names: a query whose every selected field is <see cref="CachedByCapacityVersion"/>
/// follows from the tenant's capacity index alone, so the index's version can validate it
/// (<see cref="ResponseCacheScope"/>). Undeclared fields are never cached, so a field added to the
/// schema stays uncached until someone decides otherwise.
/// </summary>
public static class CacheScope
{
    public const string MetadataKey = "cacheScope";

    /// <summary>
    /// A root field's value follows from the LA's capacity index, its arguments and the caller's tenant
    /// and role; a nested field's from its parent's value and its arguments alone.
    /// </summary>
    public const string Capacity = "capacity";

    /// <summary>On an input field: giving it a value makes the answer depend on more than the capacity index.</summary>
    public const string None = "none";

    public static FieldBuilder<TSource, TReturn> CachedByCapacityVersion<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.Metadata[MetadataKey] = Capacity;
        return field;
    }

    /// <summary>For an input field that reads beyond the index when given, such as a pupil to rank by (read and audited).</summary>
    public static FieldBuilder<TSource, TReturn> NeverCached<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.Metadata[MetadataKey] = None;
        return field;
    }

    /// <summary>
    /// Declared so, and not a field that records pupil reads in the audit trail: an answer not
    /// computed is a read not recorded, so an audited field is never cached whatever it declares.
    /// </summary>
    public static bool IsCachedByCapacityVersion(FieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.GetMetadata<string?>(MetadataKey) == Capacity && field.Resolver is not AuditedFieldResolver;
    }

    public static bool IsNeverCached(FieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.GetMetadata<string?>(MetadataKey) == None;
    }
}
