using ApGrid.Server.Tests.Gateway;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// Two nodes of one cluster: an ETag one node gave validates on the other while capacity is
/// unchanged, and after a change made through either node, the other never confirms what a client
/// holds: its answer is what a fresh computation gives.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class CapacityValidatorClusterTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Theory]
    [InlineData("graphql")]
    [InlineData("/api/v1/ap-settings")]
    public async Task An_answer_is_never_staler_than_a_fresh_computation_on_either_node(string read)
    {
        using var nodeA = new HttpClient { BaseAddress = cluster.NodeA.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var nodeB = new HttpClient { BaseAddress = cluster.NodeB.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var la = await cluster.TokenAsync("901", "LA_OFFICER");
        Task<ConditionalAnswer> GetAsync(HttpClient node, string? etag) => read == "graphql"
            ? node.GraphQLGetAsync(la, ConditionalCalls.CapacityQuery, etag)
            : node.ConditionalGetAsync(la, read, etag);
        var held = await GetAsync(nodeA, null);
        var urn = SettingUrn(held);

        for (var round = 0; round < 6; round++)
        {
            var (writer, reader) = round % 2 == 0 ? (nodeA, nodeB) : (nodeB, nodeA);

            var unchanged = await GetAsync(reader, held.ETag);
            var places = await writer.AddFullTimePlaceAsync(la, urn);
            var afterChange = await GetAsync(reader, held.ETag);
            var fresh = await GetAsync(writer, null);

            Assert.Equal((304, held.ETag), (unchanged.Status, unchanged.ETag));
            Assert.Equal((200, places), (afterChange.Status, afterChange.PlacesOf(urn)));
            Assert.Equal((fresh.ETag, fresh.Body), (afterChange.ETag, afterChange.Body));
            Assert.NotEqual(held.ETag, afterChange.ETag);
            held = afterChange;
        }
    }

    private static string SettingUrn(ConditionalAnswer answer)
    {
        var root = System.Text.Json.JsonDocument.Parse(answer.Body).RootElement;
        var first = root.ValueKind == System.Text.Json.JsonValueKind.Array ? root[0] : root.GetProperty("data").GetProperty("apCapacity")[0].GetProperty("setting");
        return first.GetProperty("urn").GetString()!;
    }
}
