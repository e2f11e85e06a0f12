using ApGrid.Api;
using ApGrid.Server.Health;
using ApGrid.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddApGridNode();
builder.AddApGridApi();

var app = builder.Build();
app.MapApGridHealth();
app.MapApGridApi();
await app.RunAsync();
