using ApGrid.Server.Hosting;

// A command that runs and exits instead of serving: `--probe URL`.
if (await ProbeCommand.TryRunAsync(args) is { } probeExitCode) return probeExitCode;

// Configuration files sit beside the executable; relative data paths stay relative to where it was started.
var options = new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory };
var builder = WebApplication.CreateBuilder(options);
switch (ServerRoles.Read(args, builder.Configuration))
{
    case ServerRole.Node:
        await RoleHosts.BuildNode(builder).RunAsync();
        break;
    case ServerRole.Gateway:
        await RoleHosts.BuildGateway(builder).RunAsync();
        break;
    default:
        // Two web applications in one process: the public gateway (this builder, on Urls) and its node.
        await RoleHosts.RunAllAsync(builder, WebApplication.CreateBuilder(options));
        break;
}

return 0;
