using ApGrid.Server.Hosting;
using ApGrid.Server.Seeding;

// Commands that run and exit instead of serving: `seed --scale ...` and `--probe URL`.
if (await SeedCommand.TryRunAsync(args) is { } seedExitCode) return seedExitCode;
if (await ProbeCommand.TryRunAsync(args) is { } probeExitCode) return probeExitCode;

// Configuration files sit beside the executable; relative data paths stay relative to where it was started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var app = ServerRoles.Read(args, builder.Configuration) switch
{
    ServerRole.Node => RoleHosts.BuildNode(builder),
    ServerRole.Gateway => RoleHosts.BuildGateway(builder),
    _ => RoleHosts.BuildAll(builder),
};
await app.RunAsync();
return 0;
