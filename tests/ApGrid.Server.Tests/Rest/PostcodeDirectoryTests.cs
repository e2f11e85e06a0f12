using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Rest;

/// <summary>The LA loads the ONS Postcode Directory; a pupil's journeys are then measured from their postcode sector instead of their school.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class PostcodeDirectoryTests(RunningServerFixture server)
{
    private const string Tenant = "902";

    // The published directory's first columns, then its positions, quoted as published.
    private const string Header = "\"pcd\",\"pcd2\",\"pcds\",\"dointr\",\"doterm\",\"oscty\",\"oslaua\",\"osward\",\"oseast1m\",\"osnrth1m\",\"ctry\",\"rgn\",\"lat\",\"long\"";

    [Fact]
    public async Task Journeys_start_from_the_pupils_postcode_sector_once_the_LA_has_loaded_the_directory()
    {
        var world = new PlacementWorld(server, Tenant);
        var la = await world.LaAsync();
        var settings = await server.PostAsync(la, "{ localAuthority { apSettings { urn location { latitude longitude } } } }");
        var target = settings.Data.GetProperty("localAuthority").GetProperty("apSettings")[0];
        var (lat, lon) = (target.GetProperty("location").GetProperty("latitude").GetDouble(), target.GetProperty("location").GetProperty("longitude").GetDouble());

        // Two postcodes of one sector either side of the setting, and a row the directory marks as having no position.
        var csv = new StringBuilder(Header).Append('\n')
            .Append(Row("ZZ9 9AA", lat + 0.001, lon)).Append(Row("ZZ9 9AB", lat - 0.001, lon)).Append(Row("ZZ9 8AA", 99.999999, 0));
        using var load = await PutAsync(la, csv.ToString());
        Assert.Equal(HttpStatusCode.OK, load.StatusCode);
        var loaded = JsonDocument.Parse(await load.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, loaded.GetProperty("sectors").GetInt32());
        Assert.Equal(2, loaded.GetProperty("postcodesUsed").GetInt32());
        Assert.Equal(1, loaded.GetProperty("postcodesSkipped").GetInt32());

        var school = (await world.SchoolUrnsAsync())[^1];
        var fromSchool = await world.RegisterPupilAsync(school, yearGroup: 8);
        var fromHome = await world.RegisterPupilAsync(school, yearGroup: 8);
        Assert.False((await server.PostAsync(la, "mutation($id: ID!) { updatePupil(input: { pupilId: $id, homePostcode: \"ZZ9 9XY\" }) { id } }", new { id = fromHome })).HasErrors);

        var home = await NearestAsync(la, fromHome);
        var schoolBased = await NearestAsync(la, fromSchool);

        Assert.Equal("HOME", home.GetProperty("measuredFrom").GetString());
        Assert.Equal(target.GetProperty("urn").GetString(), home.GetProperty("setting").GetProperty("urn").GetString());
        Assert.True(home.GetProperty("distanceKm").GetDouble() < 0.5, home.GetRawText());
        Assert.Equal("HOME_SCHOOL", schoolBased.GetProperty("measuredFrom").GetString());
    }

    [Fact]
    public async Task Only_the_LA_loads_the_directory_and_a_file_without_positions_is_refused_naming_the_column()
    {
        var school = await server.TokenAsync(Tenant, "SCHOOL_STAFF", (await new PlacementWorld(server, Tenant).SchoolUrnsAsync())[0]);
        using var forbidden = await PutAsync(school, Header + "\n" + Row("ZZ9 9AA", 54.9, -1.6));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var noPositions = await PutAsync(await server.TokenAsync(Tenant, "LA_OFFICER"), "\"pcd\",\"pcds\",\"long\"\n\"ZZ9 9AA\",\"ZZ9 9AA\",-1.6\n");
        Assert.Equal(HttpStatusCode.BadRequest, noPositions.StatusCode);
        Assert.Equal("lat", JsonDocument.Parse(await noPositions.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
    }

    private static string Row(string postcode, double lat, double lon) => string.Create(CultureInfo.InvariantCulture,
        $"\"{postcode.Replace(" ", "", StringComparison.Ordinal)}\",\"{postcode}\",\"{postcode}\",\"200001\",\"\",\"E99999999\",\"E08000021\",\"E05001\",\"424500\",\"0564500\",\"E92000001\",\"E12000001\",{lat:0.000000},{lon:0.000000}\n");

    private async Task<HttpResponseMessage> PutAsync(string token, string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/postcode-directory") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request);
    }

    private async Task<JsonElement> NearestAsync(string token, string pupilId)
    {
        var response = await server.PostAsync(token, "query($p: ID!) { apCapacity(filter: { nearPupil: $p }) { setting { urn } distanceKm measuredFrom } }", new { p = pupilId });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("apCapacity")[0];
    }
}
