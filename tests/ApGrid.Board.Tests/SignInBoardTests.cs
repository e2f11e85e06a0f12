using Microsoft.Playwright;

namespace ApGrid.Board.Tests;

/// <summary>
/// The board signed in for real: through LA 901's own OpenID provider's login page (oidc-provider),
/// the server running the code flow, the browser keeping only an HttpOnly session cookie.
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class SignInBoardTests(BoardFixture board)
{
    [Fact]
    public async Task An_administrator_signs_in_at_the_LAs_provider_grants_AP_staff_who_then_see_their_settings_board_until_revoked()
    {
        var admin = await SignInAsync(BoardFixture.Administrator);
        Assert.Contains("LA administrator", await admin.Locator("[data-testid=signed-in-as]").InnerTextAsync(), StringComparison.Ordinal);
        await admin.Locator("#app[data-view=access][data-loaded]").WaitForAsync();

        // Nothing of a token anywhere the page's script could read; the session cookie is HttpOnly, Secure, SameSite.
        var storage = await admin.EvaluateAsync<string>("() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage) + document.cookie");
        Assert.DoesNotContain("eyJ", storage, StringComparison.Ordinal);
        var session = (await admin.Context.CookiesAsync()).Single(c => c.Name == "apgrid.session");
        Assert.True(session.HttpOnly);
        Assert.True(session.Secure);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);

        var setting = (await board.GraphQLAsync(await board.TokenAsync("901", "LA_OFFICER"), "{ localAuthority { apSettings { urn name } } }"))
            .GetProperty("localAuthority").GetProperty("apSettings")[0];
        var urn = setting.GetProperty("urn").GetString()!;
        await admin.FillAsync("#grant-email", "ap.board@la901.test");
        await admin.SelectOptionAsync("#grant-role", "AP_STAFF");
        await admin.SelectOptionAsync("#grant-urn", urn);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Grant access" }).ClickAsync();
        await admin.Locator("[data-testid=grants] tr", new() { HasText = "ap.board@la901.test" }).WaitForAsync();
        Assert.Contains("Granted AP staff", await admin.Locator("[data-testid=access-history]").InnerTextAsync(), StringComparison.Ordinal);

        var staff = await SignInAsync("ap.board@la901.test");
        Assert.Contains($"AP staff for {setting.GetProperty("name").GetString()}", await staff.Locator("[data-testid=signed-in-as]").InnerTextAsync(), StringComparison.Ordinal);
        await staff.Locator("#app[data-view=capacity][data-loaded]").WaitForAsync();
        Assert.Empty(await staff.Locator("[data-testid=api-error]").AllInnerTextsAsync());

        // Revoked: the next load of the board is told plainly that there is no access.
        await admin.Locator("[data-testid=grants] tr", new() { HasText = "ap.board@la901.test" }).GetByRole(AriaRole.Button).ClickAsync();
        await admin.Locator("[data-testid=grants] tr", new() { HasText = "ap.board@la901.test" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await staff.ReloadAsync();
        await staff.GetByRole(AriaRole.Heading, new() { Name = "You do not have access yet" }).WaitForAsync();
    }

    [Fact]
    public async Task An_administrator_creates_an_API_key_whose_secret_is_shown_once_and_works()
    {
        var admin = await SignInAsync(BoardFixture.Administrator);
        await admin.Locator("#app[data-view=access][data-loaded]").WaitForAsync();

        await admin.FillAsync("#key-name", "Regional dashboard");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secret = (await admin.Locator("[data-testid=new-secret] code").InnerTextAsync()).Trim();
        Assert.StartsWith("apgk.901.", secret, StringComparison.Ordinal);
        Assert.Empty(await Axe.SeriousViolationsAsync(admin));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ viewer { role } }" }) };
        request.Headers.Add("X-Api-Key", secret);
        using var response = await board.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        await admin.ReloadAsync();
        await admin.Locator("[data-testid=api-keys] tr", new() { HasText = "Regional dashboard" }).WaitForAsync();
        Assert.Equal(0, await admin.Locator("[data-testid=new-secret]").CountAsync());
    }

    [Fact]
    public async Task A_person_with_no_grant_sees_a_clear_no_access_page_and_can_sign_out()
    {
        var page = await SignInAsync("nobody.yet@la901.test");

        await page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access yet" }).WaitForAsync();
        Assert.Contains("nobody.yet@la901.test", await page.Locator("#app").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true }).WaitForAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "apgrid.session");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_the_board_asks_to_sign_in_again()
    {
        var page = await SignInAsync(BoardFixture.Administrator);
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "apgrid.session");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true }).WaitForAsync();

        // The old cookie, put back by hand, opens nothing: the session ended on the server.
        await page.Context.AddCookiesAsync([new Cookie { Name = cookie.Name, Value = cookie.Value, Domain = cookie.Domain, Path = cookie.Path, Secure = true, HttpOnly = true, SameSite = SameSiteAttribute.Lax }]);
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true }).WaitForAsync();
    }

    /// <summary>From the board's sign-in page through the provider's own login form and back.</summary>
    private async Task<IPage> SignInAsync(string login)
    {
        var context = await board.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your LA account" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(board.Provider.Issuer, StringComparison.Ordinal));
        await page.FillAsync("input[name=login]", login);
        await page.FillAsync("input[name=password]", "any password");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.StartsWith(board.BaseAddress.ToString(), StringComparison.Ordinal));
        await page.Locator("[data-testid=signed-in-as], #app[data-view=no-access]").First.WaitForAsync();
        return page;
    }
}
