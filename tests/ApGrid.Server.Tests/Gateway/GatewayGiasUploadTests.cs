using System.Net;
using System.Net.Http.Headers;
using ApGrid.Api.Gias;
using ApGrid.Gateway;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Running;
using ApGrid.TestSupport;

namespace ApGrid.Server.Tests.Gateway;

/// <summary>
/// The national GIAS establishment file (about 60 MB) is twice the server's default body limit of
/// 30 MB: a `gateway` process lets the GIAS upload through up to Gias:MaxUploadBytes, as the node does.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class GatewayGiasUploadTests(RunningServerFixture server)
{
    [Fact]
    public void The_gateways_GIAS_limit_is_the_nodes_and_only_that_route_has_it()
    {
        var routes = GatewayRoutes.Routes(development: false, giasMaxUploadBytes: 123);

        Assert.Equal(GatewayRoutes.DefaultGiasMaxUploadBytes, new GiasImportLimits().MaxUploadBytes);
        Assert.Equal(123, routes.Single(r => r.Match.Path == GatewayRoutes.GiasImportPath).MaxRequestBodySize);
        Assert.All(routes.Where(r => r.Match.Path != GatewayRoutes.GiasImportPath), r => Assert.Null(r.MaxRequestBodySize));
        Assert.Equal(ApGrid.Api.Rest.RestApi.Prefix + "/gias-imports", GatewayRoutes.GiasImportPath);
    }

    [Fact]
    public async Task An_establishment_file_over_30_MB_reaches_the_node_through_a_gateway()
    {
        var node = await server.NodeAsync();
        await using var gateway = new ServerProcess(Path.Combine(Path.GetTempPath(), "apgrid-gw-" + Guid.NewGuid().ToString("N")), new Dictionary<string, string>
        {
            ["Server:Role"] = "gateway",
            ["Gateway:Destinations:0"] = node.NodeHttp2Url,
            ["Auth:SigningKey"] = RunningServerFixture.SigningKey,
        });
        gateway.Start();
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        // Rows of another LA: read and checked for shape, imported into no tenant.
        var file = new GiasFileBuilder();
        for (var i = 0; i < 75_000; i++) file.Add((500000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "202", "Elsewhere School", 1, "Community school");
        var bytes = file.ToBytes();
        Assert.True(bytes.Length > 30_000_000, $"{bytes.Length} bytes");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "establishments", "edubasealldata.csv" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, GatewayRoutes.GiasImportPath + "?dryRun=true") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync("901", "LA_OFFICER"));
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };

        using var response = await http.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        Assert.Contains("\"rowsRead\":75000", body, StringComparison.Ordinal);
        try { Directory.Delete(gateway.DataDirectory, recursive: true); } catch (IOException) { }
    }
}
