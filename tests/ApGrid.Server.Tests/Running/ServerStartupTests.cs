using System.Text.Json;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Server.Tests.Running;

public sealed class ServerStartupTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-server-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_fresh_server_is_ready_within_60_seconds_with_both_demo_tenants()
    {
        await using var server = new ServerProcess(dataDirectory);
        server.Start();

        var (body, elapsed) = await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        var seeded = JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("demoData").GetProperty("data");
        Assert.StartsWith("Northbridge: 75 schools, 13 AP settings, 7 special schools", seeded.GetProperty("901").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Eastmoor:", seeded.GetProperty("902").GetString(), StringComparison.Ordinal);
        Assert.Contains("10 AP settings, 8 special schools", seeded.GetProperty("902").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dataDirectory, "apgrid.db")));
        Console.WriteLine($"ready after {elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task An_acknowledged_write_survives_sigkill_and_a_restart_does_not_seed_again()
    {
        string urn;
        ApAvailability written;
        await using (var first = new ServerProcess(dataDirectory))
        {
            first.Start();
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            await using var client = await ServerClient.ConnectAsync(first);
            (urn, written) = await TenantContext.RunAsync("901", async () =>
            {
                var registry = await client.Grains.GetGrain<ILocalAuthorityGrain>("901").GetRegistryAsync();
                var target = registry.ApSettings[0].Urn;
                var setting = client.Grains.GetGrain<IApSettingGrain>(GrainKeys.For("901", target));
                var current = await setting.GetCapacityAsync();
                var change = new ApAvailability(
                    current!.FullTimePlaces + 7,
                    [.. current.Sessions.Select(s => new SessionPlaces(s.Session, s.Places + 1))],
                    current.OutreachHoursPerWeek + 2.5);
                var result = await setting.SetAvailabilityAsync(change);
                Assert.True(result.Succeeded, result.Error?.Message);
                return (target, change);
            });

            // Straight after the acknowledgement, with no chance to flush or shut down cleanly.
            await first.KillAsync();
        }

        await using var second = new ServerProcess(dataDirectory);
        second.Start();
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        await using var reader = await ServerClient.ConnectAsync(second);
        var after = await TenantContext.RunAsync("901", () =>
            reader.Grains.GetGrain<IApSettingGrain>(GrainKeys.For("901", urn)).GetCapacityAsync());

        Assert.NotNull(after);
        Assert.Equal(written.FullTimePlaces, after.FullTimePlaces);
        Assert.Equal(written.OutreachHoursPerWeek, after.OutreachHoursPerWeek);
        Assert.Equal(written.Sessions.Select(s => s.Places), after.Sessions.Select(s => s.Places));
    }

    public void Dispose()
    {
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }
}
