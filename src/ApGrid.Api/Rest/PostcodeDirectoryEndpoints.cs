using System.Globalization;
using ApGrid.Api.GraphQL;
using Sylvan.Data.Csv;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApGrid.Api.Rest;

/// <summary>
/// The LA loads the ONS Postcode Directory (or its own region's file) as published; ApGrid keeps only
/// sector centroids, from which a pupil's journey is measured when their home postcode is known.
/// </summary>
internal static class PostcodeDirectoryEndpoints
{
    /// <summary>The whole directory is about 1.4 GB; read as a stream, never held.</summary>
    private const long MaxUploadBytes = 2L * 1024 * 1024 * 1024;

    private static readonly string[] Columns = ["pcds", "lat", "long"];

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/postcode-directory", (Delegate)ReplaceAsync)
            .WithName("replacePostcodeDirectory")
            .WithSummary("Load postcode sector centroids from the ONS Postcode Directory")
            .WithDescription("LA officers only. The body is the directory's CSV as published (columns pcds, lat and long are read, others ignored; "
                + "rows without a position are skipped). Replaces the tenant's centroids with the mean position of each sector's postcodes.")
            .Accepts<string>("text/csv")
            .WithMetadata(new RestBodyLimit(MaxUploadBytes))
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

    public static async Task<Results<Ok<PostcodeDirectoryResource>, ProblemHttpResult>> ReplaceAsync(HttpContext http)
    {
        var rest = RestRequest.Of(http);
        if (!rest.Caller.IsLaOfficer) throw ApGridError.Forbidden("Only the LA may load the postcode directory.");

        using var reader = new StreamReader(http.Request.Body, detectEncodingFromByteOrderMarks: true);
        await using var csv = await CsvDataReader.CreateAsync(reader);
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
        var ordinals = Columns.ToDictionary(c => c, c => header.FindIndex(h => h.Trim().Equals(c, StringComparison.OrdinalIgnoreCase)), StringComparer.Ordinal);
        if (ordinals.FirstOrDefault(o => o.Value < 0).Key is { } missing)
        {
            return RestProblem.Validation(missing, $"The header has no column {missing}; the directory's pcds, lat and long columns are needed.");
        }

        var sectors = new PostcodeSectorAccumulator();
        while (await csv.ReadAsync())
        {
            sectors.Add(csv.GetString(ordinals["pcds"]), Number(csv.GetString(ordinals["lat"])), Number(csv.GetString(ordinals["long"])));
        }

        var centroids = sectors.Result();
        await rest.Grains.GetGrain<IPostcodeDirectoryGrain>(rest.Caller.Tenant).ReplaceAsync(
            centroids.Sectors.ToDictionary(s => s.Key, s => new Location(s.Value.Latitude, s.Value.Longitude), StringComparer.Ordinal));
        return TypedResults.Ok(new PostcodeDirectoryResource(centroids.Sectors.Count, centroids.PostcodesUsed, centroids.PostcodesSkipped));
    }

    /// <summary>An empty or garbled position counts as none (the row is skipped), as the directory's own placeholder does.</summary>
    private static double Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
