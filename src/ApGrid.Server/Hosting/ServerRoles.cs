using Microsoft.Extensions.Configuration;

namespace ApGrid.Server.Hosting;

public static class ServerRoles
{
    public const string DefaultNodeUrl = "http://localhost:5100";

    /// <summary>`--role` on the command line, else Server:Role, else all.</summary>
    public static ServerRole Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration["role"] ?? configuration["Server:Role"];
        if (string.IsNullOrWhiteSpace(value)) return ServerRole.All;
        return value.Trim().ToUpperInvariant() switch
        {
            "ALL" => ServerRole.All,
            "NODE" => ServerRole.Node,
            "GATEWAY" => ServerRole.Gateway,
            _ => throw new InvalidOperationException($"Server:Role (or --role) must be all, node or gateway (was '{value}')."),
        };
    }

    /// <summary>The `all` role's node address: Node:Url, never the public one.</summary>
    public static string NodeUrl(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var url = configuration["Node:Url"];
        return string.IsNullOrWhiteSpace(url) ? DefaultNodeUrl : url.Trim();
    }
}
