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
            .StringParameter("after", "A cursor from an earlier page (nextCursor or an entry's cursor).", "^[0-9]{1,19}$")
            .IntegerParameter("limit", 1, MaxLimit, $"How many feed entries to read at most (default {DefaultLimit}).")
            .Problems(StatusCodes.Status400BadRequest);

    public static async Task<Ok<ChangesPage>> ReadAsync(HttpContext http, string? after, string? limit)
    {
        var rest = RestRequest.Of(http);
        var from = RequestValues.Cursor(after, "after");
        var count = RequestValues.Integer(limit, "limit", 1, MaxLimit) ?? DefaultLimit;
        var feed = rest.Grains.GetGrain<IChangeFeedGrain>(rest.Caller.Tenant);
        var entries = await feed.ReadAsync(from, count);
        var last = await feed.GetLastSequenceAsync();
        var next = entries.Count > 0 ? entries[^1].Sequence : from;
        return TypedResults.Ok(new ChangesPage(
            [.. entries.Where(e => Access.CanSee(rest.Caller, e)).Select(e => ChangeResource.For(rest.Caller, e))],
            ChangeCursor.Format(next),
            next < last));
    }
}
