using ApGrid.Server.Hosting;

// A command that runs and exits instead of serving: `--probe URL`.
if (await ProbeCommand.TryRunAsync(args) is { } probeExitCode) return probeExitCode;

// `import gias ...`: an Orleans client of the running cluster that imports GIAS files, then exits.
if (await ApGrid.Server.Commands.GiasImportCommand.TryRunAsync(args, Console.Out, Console.Error, !Console.IsOutputRedirected) is { } importExitCode) return importExitCode;

// `export ap-census|school-census|sen2 ...`: a statutory return from the running cluster, then exits.
if (await ApGrid.Server.Commands.ExportCommand.TryRunAsync(args, Console.Out, Console.Error) is { } exportExitCode) return exportExitCode;

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
