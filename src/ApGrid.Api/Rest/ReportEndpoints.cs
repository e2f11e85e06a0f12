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
            .WithDescription("The same figures as GraphQL's report, with the same arguments. For every role but LA_OFFICER, the day's published figures (publishedAt) under disclosure control: counts under 5, zero included, and the counts withheld to protect them are null, the rest rounded to the nearest 5, percentages of the rounded counts (docs/api.md, Figures outside the LA).")
            .IntegerParameter("entryCohort", ReportQuery.FirstEntryCohort, ReportQuery.LastEntryCohort, "lengthOfStay and ongoingStays for pupils who first entered AP in this academic year (2026 = 2026/27).")
            .EnumParameter<ApType>("apType", "lengthOfStay and ongoingStays counting only placements at this kind of AP.")
            .DateParameter("censusDate", "The day pupilsInApByAgeAndType counts; default: the January school census day of the current academic year.")
            .Problems(StatusCodes.Status400BadRequest);

    public static async Task<Ok<LaReportView>> GetAsync(HttpContext http, string? entryCohort, string? apType, string? censusDate)
    {
        var rest = RestRequest.Of(http);
        var filter = new LaReportFilter(
            RequestValues.Integer(entryCohort, "entryCohort", ReportQuery.FirstEntryCohort, ReportQuery.LastEntryCohort),
            RequestValues.Enum<ApType>(apType, "apType"),
            RequestValues.Date(censusDate, "censusDate"));
        return TypedResults.Ok(await ReportQuery.GetAsync(rest.LocalAuthority, rest.Caller, filter));
    }
}
