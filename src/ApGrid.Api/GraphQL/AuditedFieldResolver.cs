using global::GraphQL;
using global::GraphQL.Resolvers;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// Runs a field's own resolver and notes in the request's access log which pupil it showed or changed:
/// a read of the pupil the field's source belongs to, or (<paramref name="ofResult"/>, and every
/// change) of the pupils in what it returned, so a selection of nothing but <c>__typename</c> on a
/// pupil, which still tells that the pupil exists, is a read too.
/// </summary>
internal sealed class AuditedFieldResolver(IFieldResolver inner, AuditAction action, string what, Func<object?, string?> pupilIdOf, bool ofResult = false) : IFieldResolver
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (action == AuditAction.Read && !ofResult && pupilIdOf(context.Source) is { } readId) context.AccessLog().Read(readId, what);
        var result = await inner.ResolveAsync(context).ConfigureAwait(false);

        // A refused change throws before this point: only changes that happened are recorded. A
        // mutation that changes several records at once (allocateOutreach) notes each pupil in them.
        if (action == AuditAction.Change || ofResult)
        {
            var returned = result is System.Collections.IEnumerable many and not string ? many.Cast<object?>() : [result];
            foreach (var pupilId in returned.Select(pupilIdOf).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (action == AuditAction.Change) context.AccessLog().Changed(pupilId, what);
                else context.AccessLog().Read(pupilId, what);
            }
        }

        return result;
    }
}
