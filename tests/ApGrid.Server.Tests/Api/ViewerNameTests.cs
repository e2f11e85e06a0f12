namespace ApGrid.Server.Tests.Api;

/// <summary>
/// viewer names the caller's own LA and setting, and only those: the setting comes from the token's
/// URN, never from input, and roles without a setting get none.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class ViewerNameTests(RunningServerFixture server)
{
    private const string Query = "{ viewer { localAuthorityName settingName } }";

    [Fact]
    public async Task Each_setting_role_sees_its_own_settings_name_and_LA_roles_none()
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var lists = (await server.PostAsync(la, "{ localAuthority { name schools { urn name } apSettings { urn name } specialSchools { urn name } } }")).Data.GetProperty("localAuthority");
        Assert.Equal("Northbridge", lists.GetProperty("name").GetString());

        foreach (var (role, list) in new[] { ("SCHOOL_STAFF", "schools"), ("AP_STAFF", "apSettings"), ("SPECIAL_SCHOOL_STAFF", "specialSchools") })
        {
            var own = lists.GetProperty(list)[1];
            var viewer = (await server.PostAsync(await server.TokenAsync("901", role, own.GetProperty("urn").GetString()), Query)).Data.GetProperty("viewer");
            Assert.Equal(own.GetProperty("name").GetString(), viewer.GetProperty("settingName").GetString());
            Assert.Equal("Northbridge", viewer.GetProperty("localAuthorityName").GetString());
        }

        foreach (var role in new[] { "LA_OFFICER", "PARTNER", "LA_ADMIN" })
        {
            var answer = await server.PostAsync(await server.TokenAsync("902", role), Query);
            Assert.False(answer.HasErrors, answer.Body);
            Assert.Equal("Eastmoor", answer.Data.GetProperty("viewer").GetProperty("localAuthorityName").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.Data.GetProperty("viewer").GetProperty("settingName").ValueKind);
        }
    }

    [Fact]
    public async Task A_token_for_another_LAs_setting_names_nothing_of_it()
    {
        // A URN of 901's, in a 902 token: the grain looked up is 902's, which does not exist.
        var urn901 = (await server.ApSettingUrnsAsync("901"))[1];
        var answer = await server.PostAsync(await server.TokenAsync("902", "AP_STAFF", urn901), Query);
        Assert.False(answer.HasErrors, answer.Body);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.Data.GetProperty("viewer").GetProperty("settingName").ValueKind);
    }
}
