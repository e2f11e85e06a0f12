using ApGrid.Api.Gias;
using ApGrid.Domain.Gias;
using ApGrid.Server.Demo;

namespace ApGrid.Server.Commands;

/// <summary>
/// `ApGrid.Server import gias --establishments FILE [--links FILE] [--la CODE ...] [--dry-run]`:
/// runs a GIAS import against the running ApGrid cluster as an Orleans client, so the grains that
/// hold the data do the writing, whichever node has them (see docs/operations.md).
/// </summary>
public static class GiasImportCommand
{
    /// <returns>The exit code when the arguments ask for an import; null to run normally.</returns>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter errors, bool terminal)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args.Length < 2 || args[0] != "import" || args[1] != "gias") return null;
        var parsed = GiasImportArguments.Parse(args, out var problem);
        if (parsed is null)
        {
            await errors.WriteLineAsync(problem);
            await errors.WriteLineAsync(GiasImportArguments.Usage);
            return 2;
        }

        var builder = ClusterClientHost.CreateBuilder(parsed.Configuration);
        var tenants = parsed.LaCodes.Count > 0 ? parsed.LaCodes : DefaultTenants(builder.Configuration);
        if (tenants.Count == 0)
        {
            await errors.WriteLineAsync("No tenant to import into: name them with --la CODE (none are configured under Auth:Tenants, and demo data is off).");
            return 2;
        }

        Stream establishments;
        Stream? links = null;
        try
        {
            establishments = File.OpenRead(parsed.Establishments);
            if (parsed.Links is not null) links = File.OpenRead(parsed.Links);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync(e.Message);
            return 2;
        }

        await using (establishments)
        await using (links)
        {
            using var host = await ClusterClientHost.StartAsync(builder, errors);
            if (host is null) return 3;

            var progress = new ConsoleProgress(output, terminal);
            var importer = new GiasImporter(host.Services.GetRequiredService<IGrainFactory>(), TimeProvider.System);
            try
            {
                var report = await importer.RunAsync(
                    new GiasImportOptions(establishments, links, tenants, parsed.DryRun, "GIAS import (command line)"), progress);
                progress.Finish();
                await output.WriteAsync(report.Summary());
                return 0;
            }
            catch (GiasFileException e)
            {
                progress.Finish();
                await errors.WriteLineAsync($"{(e.File == "links" ? parsed.Links : parsed.Establishments)}: {e.Message}");
                await errors.WriteLineAsync("Nothing was written.");
                return 1;
            }
            finally
            {
                await host.StopAsync();
            }
        }
    }

    /// <summary>Every tenant with a sign-in provider configured, and the demo tenants when demo data is on.</summary>
    private static List<string> DefaultTenants(ConfigurationManager configuration)
    {
        var tenants = configuration.GetSection("Auth:Tenants").GetChildren().Select(c => c.Key).ToList();
        if (configuration.GetValue("DemoData:Enabled", true)) tenants.AddRange(DemoWorld.TenantCodes);
        return [.. tenants.Distinct().Order(StringComparer.Ordinal)];
    }
}
