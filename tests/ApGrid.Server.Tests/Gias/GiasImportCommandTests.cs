using ApGrid.Api.Gias;
using ApGrid.Server.Commands;
using ApGrid.Server.Tests.Api;
using ApGrid.TestSupport;

namespace ApGrid.Server.Tests.Gias;

/// <summary>`ApGrid.Server import gias ...` as an operator runs it, against the running server's cluster.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class GiasImportCommandTests(RunningServerFixture server) : IDisposable
{
    private const string Tenant = "901";
    private readonly string directory = Directory.CreateTempSubdirectory("apgrid-gias-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Imports_with_plain_progress_lines_when_redirected_then_finds_nothing_to_change()
    {
        var urns = new GiasUrns();
        var file = Write("edubasealldata.csv", new GiasFileBuilder()
            .Add(urns[0], Tenant, "Command Line PRU", 14, "Pupil referral unit", ("Easting", "457000"), ("Northing", "340000"), ("PlacesPRU", "8"))
            .Add(urns[1], "202", "Another LA's School", 1, "Community school", ("Easting", "530000"), ("Northing", "180000"))
            .ToText());

        var first = await server.RunCommandAsync("import", "gias", "--establishments", file, "--la", Tenant);

        Assert.True(first.ExitCode == 0, first.Errors + first.Output);
        Assert.Contains("Reading establishments: 100%", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first.Output, StringComparison.Ordinal);
        Assert.Contains("Read 2 establishments (UTF-8).", first.Output, StringComparison.Ordinal);
        Assert.Contains("Created 1, updated 0, closed 0, moved 0", first.Output, StringComparison.Ordinal);
        Assert.Contains($"{Tenant} {urns[0]} Command Line PRU: pupil referral unit (key stages 3, 4)", first.Output, StringComparison.Ordinal);
        Assert.Contains(urns[0], (await server.ApSettingUrnsAsync(Tenant)).ToList());

        var second = await server.RunCommandAsync("import", "gias", "--establishments", file, "--la", Tenant, "--dry-run");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("No changes: 1 establishments already as GIAS says.", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_file_exits_1_naming_the_line_and_writes_nothing()
    {
        var urns = new GiasUrns();
        var file = Write("broken.csv", new GiasFileBuilder()
            .Add(urns[0], Tenant, "Never Written School", 1, "Community school", ("Easting", "457000"), ("Northing", "340000"))
            .ToText() + "\"" + urns[1] + "\",\"901\",\"Unclosed quote\r\n");

        var run = await server.RunCommandAsync("import", "gias", "--establishments", file, "--la", Tenant);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Line 3, column 16: the file ends inside this quoted field", run.Errors, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", run.Errors, StringComparison.Ordinal);
        var schools = await server.PostAsync(await server.TokenAsync(Tenant, "LA_OFFICER"), "{ localAuthority { schools { urn } } }");
        Assert.DoesNotContain(urns[0], schools.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_arguments_exit_2_with_the_usage()
    {
        var run = await server.RunCommandAsync("import", "gias", "--la", "9x1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage: ApGrid.Server import gias", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_terminal_progress_is_one_bar_redrawn_in_place()
    {
        using var output = new StringWriter();
        var progress = new ConsoleProgress(output, terminal: true);

        progress.Report(new GiasImportProgress("Reading establishments", 0.5));
        progress.Report(new GiasImportProgress("Reading establishments", 1));
        progress.Report(new GiasImportProgress("Writing", 1));
        progress.Finish();

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.Equal(2, lines[0].Count(c => c == '\r'));
        Assert.EndsWith("[##############################] 100%", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("\rWriting", lines[1], StringComparison.Ordinal);
    }
}
