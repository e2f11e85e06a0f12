using ApGrid.Api.Gias;
using ApGrid.Api.GraphQL;
using ApGrid.Domain.Gias;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ApGrid.Api.Rest;

/// <summary>
/// The LA uploads GIAS's establishment fields file (and its links file) as downloaded. Each part is
/// streamed to a temporary file, never held in memory: the reader goes through it twice, once to
/// tell its encoding, once to read it.
/// </summary>
internal static class GiasImportEndpoints
{
    private const string EstablishmentsPart = "establishments";
    private const string LinksPart = "links";

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/gias-imports", (Delegate)ImportAsync)
            .WithName("importGias")
            .WithSummary("Bring the LA's schools, AP settings and special schools into line with GIAS")
            .WithDescription("LA officers only. multipart/form-data with part \"establishments\" (GIAS's establishment fields CSV, edubasealldataYYYYMMDD.csv) "
                + "and optionally part \"links\" (links_edubasealldataYYYYMMDD.csv), each as downloaded, UTF-8 or Windows-1252. "
                + "?dryRun=true reports without writing. A malformed file is refused (400) with its line and column and nothing is written; "
                + "an upload over Gias:MaxUploadBytes is refused with 413. See docs/data.md.")
            .Accepts<string>("multipart/form-data")
            .WithMetadata(RestBodyLimit.SetByHandler)
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status413PayloadTooLarge);

    public static async Task<Results<Ok<GiasImportReport>, ProblemHttpResult>> ImportAsync(HttpContext http, bool? dryRun)
    {
        var rest = RestRequest.Of(http);
        if (!rest.Caller.IsLaOfficer) throw ApGridError.Forbidden("Only the LA may import establishments from GIAS.");
        var limit = http.RequestServices.GetRequiredService<IOptions<GiasImportLimits>>().Value.MaxUploadBytes;
        if (http.Request.ContentLength > limit) return TooLarge(limit);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return RestProblem.Validation(EstablishmentsPart, "Send multipart/form-data with the part \"establishments\" (and optionally \"links\").");
        }

        await using var establishments = TemporaryFile();
        await using var links = TemporaryFile();
        var received = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = new MultipartReader(boundary, http.Request.Body);
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                var name = section.GetContentDispositionHeader()?.Name.Value;
                var target = name switch
                {
                    EstablishmentsPart => establishments,
                    LinksPart => links,
                    _ => null,
                };
                if (target is null) return RestProblem.Validation(name ?? EstablishmentsPart, $"Unknown part \"{name}\": send \"establishments\" and optionally \"links\".");
                await section.Body.CopyToAsync(target, http.RequestAborted);
                target.Position = 0;
                received.Add(name!);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }

        if (!received.Contains(EstablishmentsPart)) return RestProblem.Validation(EstablishmentsPart, "The part \"establishments\" is required.");
        var importer = new GiasImporter(rest.Grains, http.RequestServices.GetRequiredService<TimeProvider>());
        var options = new GiasImportOptions(
            establishments, received.Contains(LinksPart) ? links : null, [rest.Caller.Tenant], dryRun ?? false, $"GIAS import by {rest.Caller.Subject}");
        try
        {
            return TypedResults.Ok(await importer.RunAsync(options, cancellationToken: http.RequestAborted));
        }
        catch (GiasFileException e)
        {
            return RestProblem.Validation(e.File, $"{e.File}: {e.Message}");
        }
    }

    private static FileStream TemporaryFile() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private static ProblemHttpResult TooLarge(long limit) =>
        RestProblem.Of(ErrorCodes.LimitExceeded, $"The upload is over {limit} bytes (Gias:MaxUploadBytes).", EstablishmentsPart, StatusCodes.Status413PayloadTooLarge);
}
