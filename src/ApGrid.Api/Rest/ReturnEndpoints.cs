using System.Text;
using ApGrid.Api.GraphQL;
using ApGrid.Api.Returns;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApGrid.Api.Rest;

/// <summary>
/// The statutory returns as files, for LA officers only. Each runs the specification's rules ApGrid
/// can check first: any failure and the answer is 422 with every failure by pupil, and no file.
/// Every pupil in the answer (rows or failures) is noted in the audit trail as read.
/// </summary>
internal static class ReturnEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/returns/ap-census", ApCensusAsync)
            .WithName("exportApCensus")
            .WithSummary("The AP census as CSV (LA officers only)")
            .WithDescription("Pupils the LA has placed in AP on the census date at independent schools and unregistered providers. "
                + "422 with the validation failures by pupil when any rule fails. See docs/data.md.")
            .DateParameter("censusDate", "The census day, e.g. the third Thursday of January; not in the future. Required.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);
        api.MapGet("/returns/school-census-ap", SchoolCensusAsync)
            .WithName("exportSchoolCensusAp")
            .WithSummary("A school's census AP placement module as CSV (LA officers only)")
            .WithDescription("The school's own pupils in AP on the census date. 422 with the validation failures by pupil when any rule fails. See docs/data.md.")
            .StringParameter("schoolUrn", "The school (6 digits). Required.", "^[0-9]{6}$")
            .DateParameter("censusDate", "The census day; not in the future. Required.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        api.MapGet("/returns/sen2", Sen2Async)
            .WithName("exportSen2")
            .WithSummary("The SEN2 person-level return as XML (LA officers only)")
            .WithDescription("EHC requests, assessments, plans and annual reviews of a calendar year that has ended, with plans active on the January census day after it. "
                + "422 with the validation failures by pupil when any rule fails. See docs/data.md.")
            .IntegerParameter("year", 2000, 9999, "The calendar year the return covers. Required.")
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);
    }

    public static async Task<Results<FileContentHttpResult, UnprocessableEntity<ReturnValidationResource>>> ApCensusAsync(HttpContext http, string? censusDate)
    {
        var (rest, exporter) = LaOnly(http);
        return Answer(await exporter.ApCensusAsync(rest.Caller.Tenant, Required(RequestValues.Date(censusDate, "censusDate"), "censusDate"), http.RequestAborted));
    }

    public static async Task<Results<FileContentHttpResult, UnprocessableEntity<ReturnValidationResource>>> SchoolCensusAsync(HttpContext http, string? schoolUrn, string? censusDate)
    {
        var (rest, exporter) = LaOnly(http);
        var urn = RequestValues.Urn(Required(schoolUrn, "schoolUrn"), "schoolUrn");
        return Answer(await exporter.SchoolCensusAsync(rest.Caller.Tenant, urn, Required(RequestValues.Date(censusDate, "censusDate"), "censusDate"), http.RequestAborted));
    }

    public static async Task<Results<FileContentHttpResult, UnprocessableEntity<ReturnValidationResource>>> Sen2Async(HttpContext http, string? year)
    {
        var (rest, exporter) = LaOnly(http);
        return Answer(await exporter.Sen2Async(rest.Caller.Tenant, Required(RequestValues.Integer(year, "year", 2000, 9999), "year"), http.RequestAborted));
    }

    private static (RestRequest Request, ReturnExporter Exporter) LaOnly(HttpContext http)
    {
        var rest = RestRequest.Of(http);
        if (!rest.Caller.IsLaOfficer) throw ApGridError.Forbidden("Only the LA may export statutory returns.");
        return (rest, new ReturnExporter(rest.Grains, http.RequestServices.GetRequiredService<TimeProvider>(), rest.AccessLog));
    }

    private static Results<FileContentHttpResult, UnprocessableEntity<ReturnValidationResource>> Answer(ReturnExport export) =>
        export.Content is { } content
            ? TypedResults.File(Encoding.UTF8.GetBytes(content), export.MediaType, export.FileName)
            : TypedResults.UnprocessableEntity(new ReturnValidationResource(export.Name, [.. export.Failures.Select(ReturnFailureResource.From)]));

    private static T Required<T>(T? value, string name) where T : struct =>
        value ?? throw ApGridError.Validation(name, $"{name} is required.");

    private static string Required(string? value, string name) =>
        value ?? throw ApGridError.Validation(name, $"{name} is required.");
}
