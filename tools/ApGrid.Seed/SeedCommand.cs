using System.Globalization;
using ApGrid.Storage;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace ApGrid.Seed;

/// <summary>
/// `ApGrid.Seed --scale england|small [--Storage:Provider ... --Storage:SqlitePath ... --Storage:ConnectionString ... --Orleans:ServiceId ...]`:
/// loads a synthetic national-scale world into the given storage and exits. The storage and
/// service id are read as the server reads them (the same keys, from the environment and the
/// arguments), so the seed lands where the server is told to look.
/// </summary>
public static class SeedCommand
{
    /// <summary>The server's default Orleans:ServiceId (its appsettings.json); rows are stored under it.</summary>
    public const string DefaultServiceId = "apgrid";

    /// <returns>The process's exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var scale = SeedScale.Named(configuration["scale"] ?? "england");
        if (scale is null)
        {
            await Console.Error.WriteLineAsync("ApGrid.Seed: --scale must be england or small");
            return 2;
        }

        StorageOptions storage;
        try
        {
            storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
            storage.Validate();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"ApGrid.Seed: {e.Message}");
            return 2;
        }

        var serviceId = configuration["Orleans:ServiceId"] is { Length: > 0 } configured ? configured : DefaultServiceId;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Ctrl+C ends the run between tenants' commits; a re-run continues from there.
            e.Cancel = true;
            cancel.Cancel();
        };

        var where = storage.IsPostgres ? "PostgreSQL" : Path.GetFullPath(storage.SqlitePath);
        Console.WriteLine($"Seeding the '{scale.Name}' world ({scale.Tenants} tenants, {scale.Pupils:N0} pupils) into {where}, service '{serviceId}'");
        var progress = new SeedProgress();
        var seeder = new NationalSeeder(storage, serviceId, TimeProvider.System);
        var run = seeder.RunAsync(scale, progress, cancel.Token);
        try
        {
            await ShowAsync(run, progress);
            var result = await run;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Done: {result.TenantsWritten} tenants written, {result.TenantsSkipped} already complete, {result.PupilsWritten:N0} pupils, {result.RowsInserted:N0} rows in {result.Elapsed.TotalSeconds:F1} s ({result.PupilsPerSecond:N0} pupils/s)"));
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopped; completed tenants are stored, and a re-run continues with the rest.");
            return 130;
        }
    }

    /// <summary>A live bar on a terminal; a line every five seconds when the output goes to a file.</summary>
    private static async Task ShowAsync(Task run, SeedProgress progress)
    {
        var started = DateTime.UtcNow;
        string Rate() => string.Create(
            CultureInfo.InvariantCulture,
            $"{progress.PupilsWritten:N0}/{progress.TotalPupils:N0} pupils, {progress.TenantsWritten}/{progress.TotalTenants} tenants, {progress.PupilsWritten / Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds):N0} pupils/s");

        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            while (await Task.WhenAny(run, Task.Delay(5000)) != run) Console.WriteLine(Rate());
            return;
        }

        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("seeding", maxValue: Math.Max(1, progress.TotalRows));
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, Task.Delay(250));
                    task.MaxValue = Math.Max(1, progress.TotalRows);
                    task.Value = progress.RowsWritten;
                    task.Description = Rate();
                }

                if (run.IsCompletedSuccessfully) task.Value = task.MaxValue;
            });
    }
}
