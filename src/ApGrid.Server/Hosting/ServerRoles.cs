using Microsoft.Extensions.Configuration;

namespace ApGrid.Server.Hosting;

public static class ServerRoles
{
    /// <summary>The `node` role's address when Urls names none.</summary>
    public const string DefaultNodeUrl = "http://localhost:5100";

    /// <summary>`--role` on the command line, else Server:Role, else all.</summary>
    /// <remarks>`--role` is read from the arguments themselves: as a configuration key "role" it could
    /// also come from any environment variable called ROLE.</remarks>
    public static ServerRole Read(IReadOnlyList<string> args, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        var value = RoleArgument(args) ?? configuration["Server:Role"];
        if (string.IsNullOrWhiteSpace(value)) return ServerRole.All;
        return value.Trim().ToUpperInvariant() switch
        {
            "ALL" => ServerRole.All,
            "NODE" => ServerRole.Node,
            "GATEWAY" => ServerRole.Gateway,
            _ => throw new InvalidOperationException($"Server:Role (or --role) must be all, node or gateway (was '{value}')."),
        };
    }

    private static string? RoleArgument(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--role=", StringComparison.OrdinalIgnoreCase)) return args[i]["--role=".Length..];
            if (string.Equals(args[i], "--role", StringComparison.OrdinalIgnoreCase) && i + 1 < args.Count) return args[i + 1];
        }

        return null;
    }
}
