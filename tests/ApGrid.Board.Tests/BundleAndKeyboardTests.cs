using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ApGrid.Board.Tests;

[Collection(BoardCollection.Name)]
public sealed partial class BundleAndKeyboardTests(BoardFixture board, ITestOutputHelper output)
{
    private const int BudgetBytes = 300 * 1024;

    [Fact]
    public async Task The_board_page_loads_under_300_KB_gzipped()
    {
        // What the board's page loads: the files its index.html names, served by the running server (GraphiQL is a separate page).
        using var page = await board.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        var html = await page.Content.ReadAsStringAsync();
        var assets = AssetReference().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        long total = Gzipped(System.Text.Encoding.UTF8.GetBytes(html));
        foreach (var asset in assets)
        {
            using var response = await board.Http.GetAsync(new Uri(asset, UriKind.Relative));
            response.EnsureSuccessStatusCode();
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            var size = Gzipped(await response.Content.ReadAsByteArrayAsync());
            output.WriteLine($"{asset}: {size} bytes gzipped");
            total += size;
        }

        output.WriteLine($"board bundle: {total} bytes gzipped ({total / 1024.0:F1} KB) of a {BudgetBytes / 1024} KB budget");
        Figures.Record("board-bundle-gzip-bytes", total.ToString(CultureInfo.InvariantCulture));
        Assert.True(total < BudgetBytes, $"{total} bytes");
    }

    [Fact]
    public async Task GraphiQL_is_served_locally_and_sends_the_callers_token()
    {
        var page = await board.SignedInPageAsync("901", "PARTNER");
        var outside = new List<string>();
        page.Request += (_, request) => { if (!request.Url.StartsWith(board.BaseAddress.ToString(), StringComparison.Ordinal)) outside.Add(request.Url); };
        var introspection = page.WaitForRequestAsync(r => r.Url.EndsWith("/graphql", StringComparison.Ordinal) && r.Method == "POST");
        await page.GotoAsync("/graphiql");
        var request = await introspection;
        Assert.StartsWith("Bearer ", (await request.AllHeadersAsync())["authorization"], StringComparison.Ordinal);
        await page.Locator(".graphiql-container").WaitForAsync();
        Assert.Empty(outside);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task GraphiQLs_documentation_explorer_shows_the_served_schema()
    {
        var page = await board.SignedInPageAsync("901", "LA_OFFICER");
        await page.GotoAsync("/graphiql");

        // GraphiQL's standard introspection query, at the server's default limits.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show Documentation Explorer" }).ClickAsync();
        var docs = page.Locator(".graphiql-doc-explorer");
        await docs.Locator("a.graphiql-doc-explorer-type-name", new() { HasTextRegex = new Regex("^Query$") }).First.ClickAsync();
        // apCapacity is deprecated for apCapacityConnection, and GraphiQL lists deprecated fields only on request.
        await docs.Locator("a.graphiql-doc-explorer-field-name", new() { HasTextRegex = new Regex("^apCapacityConnection$") }).WaitForAsync();

        Assert.Equal(0, await page.GetByText("Error fetching schema").CountAsync());
        Assert.Equal("Query", (await docs.Locator(".graphiql-doc-explorer-title").TextContentAsync())?.Trim());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_board_works_by_keyboard_alone()
    {
        var la = await board.TokenAsync("901", "LA_OFFICER");
        var urn = (await board.GraphQLAsync(la, "{ localAuthority { apSettings { urn } } }")).GetProperty("localAuthority").GetProperty("apSettings")[1].GetProperty("urn").GetString()!;
        var page = await board.SignedInPageAsync("901", "AP_STAFF", urn);
        await page.Locator("[data-testid=availability-form]").WaitForAsync();

        // Tabs: reach each by Tab, open it with Enter.
        await TabToAsync(page, "a[data-view=report]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#app[data-view=report][data-loaded]").WaitForAsync();
        await TabToAsync(page, "a[data-view=capacity]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#app[data-view=capacity] [data-testid=availability-form]").WaitForAsync();

        // Forms: type a number into a session's field, reach the button by Tab, press it with Space.
        await TabToAsync(page, "#own-FRI_AM");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("7");
        await TabToAsync(page, "button[type=submit]");
        await page.Keyboard.PressAsync("Space");
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        await page.Locator($"td[data-urn='{urn}'][data-session=FRI_AM][data-places='7']").WaitForAsync();

        // The filters too: a checkbox toggles with Space.
        await TabToAsync(page, "#filter-registered");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("#filter-registered").IsCheckedAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the element matching the selector has focus; fails if it never does.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
        }

        Assert.Fail($"Tab never reached {selector}");
    }

    private static long Gzipped(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return buffer.Length;
    }

    [GeneratedRegex("(?:src|href)=\"(/assets/[^\"]+)\"")]
    private static partial Regex AssetReference();
}
