using ApGrid.Api.GraphQL;
using ApGrid.Api.GraphQL.Views;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApGrid.Api.Rest;

internal static class ReportEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        // As a Delegate, not a RequestDelegate: the typed result is then written and described in OpenAPI.
        api.MapGet("/report", (Delegate)GetAsync)
            .WithName("getReport")
            .WithSummary("The LA report")
            .WithDescription("The same figures as GraphQL's report. For every role but LA_OFFICER, counts from 1 to 4 are null and so is every percentage whose base is under 5.")
            .Problems();

    public static async Task<Ok<LaReportView>> GetAsync(HttpContext http)
    {
        var rest = RestRequest.Of(http);
        return TypedResults.Ok(await ReportQuery.GetAsync(rest.LocalAuthority, rest.Caller));
    }
}
