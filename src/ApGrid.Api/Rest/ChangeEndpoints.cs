using ApGrid.Api.Auth;
using ApGrid.Api.ChangeFeed;
using ApGrid.Api.GraphQL;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApGrid.Api.Rest;

/// <summary>
/// The tenant's change feed for clients that poll: the same feed and the same visibility as the
/// GraphQL changes subscription (only LA officers see entries that name pupils).
/// </summary>
internal static class ChangeEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/changes", ReadAsync)
            .WithName("pollChanges")
            .WithSummary("Poll the change feed")
            .WithDescription("Entries after the cursor, oldest first. Without after, from the start of the feed. Keep nextCursor and pass it as after next time.")
            .StringParameter("after", "A cursor from an earlier page (nextCursor or an entry's cursor).", "^([0-9]{1,19}|[A-Za-z0-9_-]{22})$")
            .IntegerParameter("limit", 1, MaxLimit, $"How many feed entries to read at most (default {DefaultLimit}).")
            .Problems(StatusCodes.Status400BadRequest);

    public static async Task<Ok<ChangesPage>> ReadAsync(HttpContext http, string? after, string? limit)
    {
        var rest = RestRequest.Of(http);
        var cursors = http.RequestServices.GetRequiredService<ChangeCursors>();
        var from = after is null ? 0
            : await cursors.TryParseAsync(rest.Caller, after) ?? throw ApGridError.Validation("after", "after must be a cursor this API gave you.");
        var count = RequestValues.Integer(limit, "limit", 1, MaxLimit) ?? DefaultLimit;
        var feed = rest.Grains.GetGrain<IChangeFeedGrain>(rest.Caller.Tenant);
        var (entries, next, hasMore) = rest.Caller.IsLaOfficer ? await ReadAllAsync(feed, from, count) : await ReadVisibleAsync(feed, rest.Caller, from, count);
        var resources = new List<ChangeResource>(entries.Count);
        foreach (var entry in entries) resources.Add(ChangeResource.For(rest.Caller, entry, await cursors.FormatAsync(rest.Caller, entry.Sequence)));
        return TypedResults.Ok(new ChangesPage(resources, await cursors.FormatAsync(rest.Caller, next), hasMore));
    }

    /// <summary>The LA sees every entry: a page is the next entries of the feed.</summary>
    private static async Task<(IReadOnlyList<ChangeEntry> Entries, long Next, bool HasMore)> ReadAllAsync(IChangeFeedGrain feed, long from, int count)
    {
        var entries = await feed.ReadAsync(from, count);
        var last = await feed.GetLastSequenceAsync();
        var next = entries.Count > 0 ? entries[^1].Sequence : from;
        return (entries, next, next < last);
    }

    /// <summary>
    /// For a caller who sees part of the feed, a page is decided by what they see alone: up to
    /// count visible entries, hasMore when a further visible one exists, and the next cursor at the
    /// last visible entry returned (or where the caller started). Entries they may not see change
    /// none of it, however many there are and whenever they came; the price is that the next poll
    /// reads them again.
    /// </summary>
    private static async Task<(IReadOnlyList<ChangeEntry> Entries, long Next, bool HasMore)> ReadVisibleAsync(IChangeFeedGrain feed, Caller caller, long from, int count)
    {
        const int Batch = 1000;
        var visible = new List<ChangeEntry>(count);
        var position = from;
        while (true)
        {
            var batch = await feed.ReadAsync(position, Batch);
            foreach (var entry in batch.Where(e => Access.CanSee(caller, e)))
            {
                if (visible.Count == count) return (visible, visible[^1].Sequence, true);
                visible.Add(entry);
            }

            if (batch.Count < Batch) return (visible, visible.Count > 0 ? visible[^1].Sequence : from, false);
            position = batch[^1].Sequence;
        }
    }
}
