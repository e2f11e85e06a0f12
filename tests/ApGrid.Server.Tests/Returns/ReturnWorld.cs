using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Gias;
using ApGrid.Server.Tests.Rest;
using ApGrid.TestSupport;

namespace ApGrid.Server.Tests.Returns;

/// <summary>
/// Builds what the returns' tests count, through the public API: a school of the test's own (a GIAS
/// upload, so no other test has pupils there) and its pupils, and reads back what the LA sees of them.
/// </summary>
internal sealed class ReturnWorld(RunningServerFixture server, string tenant)
{
    public PlacementWorld Placements { get; } = new(server, tenant);

    /// <summary>A new community school of the tenant, inside the demo area of 902 or 901.</summary>
    public async Task<string> NewSchoolAsync(string name)
    {
        var urn = new GiasUrns()[0];
        var (easting, northing) = tenant == "901" ? ("457000", "340000") : ("598300", "308000");
        var file = new GiasFileBuilder().Add(urn, tenant, name, 1, "Community school", ("Easting", easting), ("Northing", northing), ("Postcode", "NR20 3AB")).ToBytes();
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(file), "establishments", "edubasealldata.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/gias-imports") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Placements.LaAsync());
        using var response = await server.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return urn;
    }

    public async Task<(string Upn, string DateOfBirth)> PupilAsync(string pupilId)
    {
        var response = await server.PostAsync(await Placements.LaAsync(), "query($id: ID!) { pupil(id: $id) { upn dateOfBirth } }", new { id = pupilId });
        Assert.False(response.HasErrors, response.Body);
        var pupil = response.Data.GetProperty("pupil");
        return (pupil.GetProperty("upn").GetString()!, pupil.GetProperty("dateOfBirth").GetString()!);
    }

    /// <summary>The setting as a return names it: URN (none for the LA's own reference), UKPRN and the census's setting code.</summary>
    public async Task<(string Urn, string Ukprn, string Type)> SettingAsync(string urn)
    {
        var response = await server.PostAsync(await Placements.LaAsync(), "query($urn: String!) { apSetting(urn: $urn) { type ukprn localReference } }", new { urn });
        Assert.False(response.HasErrors, response.Body);
        var setting = response.Data.GetProperty("apSetting");
        var type = setting.GetProperty("type").GetString() switch
        {
            "PUPIL_REFERRAL_UNIT" => "PRU",
            "AP_ACADEMY" => "APA",
            "AP_FREE_SCHOOL" => "APF",
            "INDEPENDENT_SCHOOL" => "IND",
            "UNREGISTERED_PROVIDER" => "UNR",
            var other => throw new InvalidOperationException(other),
        };
        return (setting.GetProperty("localReference").GetBoolean() ? "" : urn, setting.GetProperty("ukprn").GetString() ?? "", type);
    }

    public async Task<RestResponse> ExportAsync(string path, string? token = null) => await server.GetAsync(token ?? await Placements.LaAsync(), path);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The CSV's data lines (after the header) whose UPN column is one of <paramref name="upns"/>.</summary>
    public static List<string> LinesOf(string csv, IEnumerable<string> upns) =>
        [.. csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(l => upns.Contains(l.Split(',')[1]))];

    public static List<(string Upn, string Item)> FailuresOf(JsonElement body) =>
        [.. body.GetProperty("failures").EnumerateArray().Select(f => (f.GetProperty("upn").GetString()!, f.GetProperty("item").GetString()!))];
}
