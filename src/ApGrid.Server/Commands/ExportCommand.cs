using ApGrid.Api.Audit;
using ApGrid.Api.GraphQL;
using ApGrid.Api.Returns;
using ApGrid.Api.Auth;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Server.Commands;

/// <summary>
/// `ApGrid.Server export ap-census|school-census|sen2 ...`: produces a statutory return from the
/// running ApGrid cluster as an Orleans client (like `import gias`). Validation failures are listed by
/// pupil on standard error and no file is written; every pupil disclosed is audited as read through
/// the command line.
/// </summary>
public static class ExportCommand
{
    /// <returns>The exit code when the arguments ask for an export; null to run normally.</returns>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args.Length < 1 || args[0] != "export") return null;
        var parsed = ExportArguments.Parse(args, out var problem);
        if (parsed is null)
        {
            await errors.WriteLineAsync(problem);
            await errors.WriteLineAsync(ExportArguments.Usage);
            return 2;
        }

        using var host = await ClusterClientHost.StartAsync(ClusterClientHost.CreateBuilder(parsed.Configuration), errors);
        if (host is null) return 3;

        try
        {
            var caller = new Caller(parsed.La, Role.LaOfficer, null) { Subject = $"command line ({Environment.UserName}@{Environment.MachineName})" };
            var audit = new PupilAccessLog(caller, AuditChannel.CommandLine);
            var exporter = new ReturnExporter(host.Services.GetRequiredService<IGrainFactory>(), TimeProvider.System, audit, checkDates: false);
            ReturnExport export;
            try
            {
                export = parsed.Return switch
                {
                    ExportArguments.ApCensus => await exporter.ApCensusAsync(parsed.La, parsed.CensusDate!.Value),
                    ExportArguments.SchoolCensus => await exporter.SchoolCensusAsync(parsed.La, parsed.School!, parsed.CensusDate!.Value),
                    _ => await exporter.Sen2Async(parsed.La, parsed.Year!.Value),
                };
            }
            catch (ApGridError e)
            {
                await errors.WriteLineAsync($"{e.Field}: {e.Message}");
                return 2;
            }

            // No audit, no data: the trail is written before anything about a pupil is shown.
            await audit.FlushAsync(host.Services);
            if (export.Content is null)
            {
                await errors.WriteLineAsync($"{export.Name}: {export.Failures.Count} validation failure(s); no file was written.");
                foreach (var failure in export.Failures) await errors.WriteLineAsync($"{failure.Upn} ({failure.PupilId}) {failure.Item}: {failure.Message}");
                return 1;
            }

            if (parsed.Out is null)
            {
                await output.WriteAsync(export.Content);
            }
            else
            {
                await File.WriteAllTextAsync(parsed.Out, export.Content);
                await output.WriteLineAsync($"{export.Name}: {export.PupilIds.Count} pupil(s) written to {parsed.Out}.");
            }

            return 0;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
