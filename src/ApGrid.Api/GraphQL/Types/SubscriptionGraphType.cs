using ApGrid.Api.ChangeFeed;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SubscriptionGraphType : ObjectGraphType
{
    public SubscriptionGraphType()
    {
        Name = "Subscription";
        Field<NonNullGraphType<ApSettingGraphType>>("capacityChanged")
            .Description("Every change of a setting's free capacity that matches the filter.")
            .Argument<CapacityFilterInputGraphType>("filter")
            .Resolve(c => c.Source)
            .ResolveStream(c =>
            {
                var search = CapacitySearch.From(c.GetArgument<Dictionary<string, object?>?>("filter"));
                var caller = c.Caller();
                var tenant = caller.Tenant;
                var grains = c.Grains();
                var snapshots = c.RequestServices!.GetRequiredService<CapacitySnapshotMemo>();
                return new ChangeFeedObservable(c.RequestServices!.GetRequiredService<ChangeFeedHub>(), tenant, after: null)
                    .Where(e => e.Kind == ChangeKind.Capacity && Access.CanSee(caller, e))
                    .SelectAsync(e => snapshots.GetAsync(grains, tenant, e))
                    .Where(s => s is not null && search.Matches(s))!;
            });
        Field<NonNullGraphType<WaitingListEntryGraphType>>("waitingListChanged")
            .Description("Waiting-list changes, for one special school or all of them.")
            .Argument<StringGraphType>("specialSchoolUrn")
            .Resolve(c => c.Source)
            .ResolveStream(WaitingListQueries.Stream);
        Field<NonNullGraphType<ChangeGraphType>>("changes")
            .Description("The tenant's change feed; after a cursor it first replays what came after it.")
            .Argument<ListGraphType<NonNullGraphType<ChangeKindEnumGraphType>>>("kinds")
            .Argument<StringGraphType>("after")
            .Resolve(c => c.Source)
            .ResolveStreamAsync(async c =>
            {
                var kinds = c.GetArgument<List<ChangeKind>?>("kinds");
                var afterText = c.GetArgument<string?>("after");
                var caller = c.Caller();
                long? after = null;
                if (afterText is not null)
                {
                    after = await c.RequestServices!.GetRequiredService<ChangeCursors>().TryParseAsync(caller, afterText)
                        ?? throw ApGridError.Validation("after", "after must be a cursor from this feed.");
                }

                var wanted = Access.VisibleChangeKinds(caller).Where(k => kinds is not { Count: > 0 } || kinds.Contains(k)).ToHashSet();
                return new ChangeFeedObservable(c.RequestServices!.GetRequiredService<ChangeFeedHub>(), caller.Tenant, after)
                    .Where(e => wanted.Contains(e.Kind) && Access.CanSee(caller, e));
            });
    }
}
