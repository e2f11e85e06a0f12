using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Rest;

/// <summary>The reads every role of a tenant may make, and the capacity search near a pupil the caller may not see.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class RoleReadRestTests(RunningServerFixture server)
{
    [Theory]
    [InlineData("LA_OFFICER")]
    [InlineData("SCHOOL_STAFF")]
    [InlineData("AP_STAFF")]
    [InlineData("SPECIAL_SCHOOL_STAFF")]
    [InlineData("PARTNER")]
    public async Task Every_role_reads_a_setting_capacity_the_report_and_changes(string role)
    {
        var urn = (await server.ApSettingUrnsAsync("902"))[0];
        var token = await server.TokenAsync("902", role, role is "LA_OFFICER" or "PARTNER" ? null : "100001");

        foreach (var path in new[] { $"/api/v1/ap-settings/{urn}", "/api/v1/capacity?fullTime=true", "/api/v1/report", "/api/v1/changes?limit=5" })
        {
            var response = await server.GetAsync(token, path);
            Assert.True(response.Status == 200, $"{role} {path}: {response.Body}");
            Assert.Equal("application/json", response.MediaType);
        }
    }

    [Fact]
    public async Task A_search_near_a_pupil_the_caller_may_not_see_is_not_found()
    {
        var world = new PlacementWorld(server, "901");
        var schools = await world.SchoolUrnsAsync();
        var pupilId = await world.RegisterPupilAsync(schools[0], yearGroup: 8);

        var own = await server.GetAsync(await server.TokenAsync("901", "SCHOOL_STAFF", schools[0]), $"/api/v1/capacity?nearPupil={pupilId}&maxTravelMinutes=60");
        var otherSchool = await server.GetAsync(await server.TokenAsync("901", "SCHOOL_STAFF", schools[1]), $"/api/v1/capacity?nearPupil={pupilId}");
        var partner = await server.GetAsync(await server.TokenAsync("901", "PARTNER"), $"/api/v1/capacity?nearPupil={pupilId}");
        var otherTenant = await server.GetAsync(await server.TokenAsync("902", "LA_OFFICER"), $"/api/v1/capacity?nearPupil={pupilId}");

        Assert.Equal(200, own.Status);
        Assert.All(own.Json.EnumerateArray(), m => Assert.True(m.GetProperty("travelMinutes").GetInt32() <= 60));
        foreach (var refused in new[] { otherSchool, partner, otherTenant })
        {
            Assert.Equal(404, refused.Status);
            Assert.Equal("NOT_FOUND", refused.ProblemCode);
            Assert.Equal("nearPupil", refused.ProblemField);
        }
    }
}
