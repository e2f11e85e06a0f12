using ApGrid.Api;
using ApGrid.Server.Health;
using ApGrid.Server.Hosting;
if (await ApGrid.Server.Seeding.SeedCommand.TryRunAsync(args) is { } seedExitCode) { Environment.ExitCode = seedExitCode; return; }

// Configuration files sit beside the executable; relative data paths stay relative to where it was started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddApGridNode();
builder.AddApGridApi();

var app = builder.Build();
app.MapApGridHealth();
app.MapApGridApi();
app.MapDevClock();
await app.RunAsync();
