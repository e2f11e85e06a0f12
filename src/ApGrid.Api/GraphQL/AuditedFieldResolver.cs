using global::GraphQL;
using global::GraphQL.Resolvers;

namespace ApGrid.Api.GraphQL;

/// <summary>Runs a field's own resolver and notes in the request's access log which pupil it showed or changed.</summary>
internal sealed class AuditedFieldResolver(IFieldResolver inner, AuditAction action, string what, Func<object?, string?> pupilIdOf) : IFieldResolver
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (action == AuditAction.Read && pupilIdOf(context.Source) is { } readId) context.AccessLog().Read(readId, what);
        var result = await inner.ResolveAsync(context).ConfigureAwait(false);

        // A refused change throws before this point: only changes that happened are recorded. A
        // mutation that changes several records at once (allocateOutreach) notes each pupil in them.
        if (action == AuditAction.Change)
        {
            var changed = result is System.Collections.IEnumerable many and not string ? many.Cast<object?>() : [result];
            foreach (var changedId in changed.Select(pupilIdOf).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                context.AccessLog().Changed(changedId, what);
            }
        }

        return result;
    }
}
