namespace ApGrid.Server.Tests.Api;

[Collection(RunningServerCollection.Name)]
public sealed class FaviconTests(RunningServerFixture server)
{
    [Theory]
    [InlineData("/favicon.ico")]
    [InlineData("/favicon.svg")]
    public async Task The_tab_icon_is_served_to_anyone_as_an_SVG(string path)
    {
        using var response = await server.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
