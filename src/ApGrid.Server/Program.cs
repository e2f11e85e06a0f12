using ApGrid.Api;
using ApGrid.Server.Board;
using ApGrid.Server.Health;
using ApGrid.Server.Hosting;

// Configuration files sit beside the executable; relative data paths stay relative to where it was started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddApGridNode();
builder.AddApGridApi();

var app = builder.Build();
app.MapApGridHealth();
app.MapApGridApi();
app.MapDevClock();
app.MapApGridBoard();
await app.RunAsync();
