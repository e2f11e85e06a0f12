using ApGrid.Server.Health;
using ApGrid.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddApGridNode();

var app = builder.Build();
app.MapApGridHealth();
await app.RunAsync();

/// <summary>Visible to the in-process test host.</summary>
public partial class Program;
