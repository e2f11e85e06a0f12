using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Rest;

namespace ApGrid.Server.Tests.Returns;

/// <summary>`ApGrid.Server export ...` as an operator runs it, against the running server's cluster.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class ExportCommandTests(RunningServerFixture server) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("apgrid-export-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task The_command_writes_the_same_file_as_the_API_and_is_audited_as_the_command_line()
    {
        var world = new ReturnWorld(server, "902");
        var school = await world.NewSchoolAsync("Command Census School");
        var placements = world.Placements;
        var pupil = await placements.RegisterPupilAsync(school, yearGroup: 10);
        var setting = await placements.SettingAsync(school: true, "KS4");
        await placements.EnsureFreeSessionsAsync(setting, "WED_PM");
        await placements.DirectFromTodayAsync(await server.TokenAsync("902", "SCHOOL_STAFF", school), school, pupil, setting, ["WED_PM"]);
        var day = ReturnWorld.Iso(await placements.TodayAsync());
        var file = Path.Combine(directory, "module.csv");

        var run = await server.RunCommandAsync("export", "school-census", "--la", "902", "--school", school, "--census-date", day, "--out", file);

        Assert.True(run.ExitCode == 0, run.Errors + run.Output);
        Assert.Contains($"School census AP placement module: 1 pupil(s) written to {file}.", run.Output, StringComparison.Ordinal);
        var api = await world.ExportAsync($"/api/v1/returns/school-census-ap?schoolUrn={school}&censusDate={day}");
        Assert.Equal(api.Body, await File.ReadAllTextAsync(file));
        var trail = await server.GetAsync(await placements.LaAsync(), $"/api/v1/audit?pupilId={pupil}");
        Assert.Contains(trail.Json.GetProperty("entries").EnumerateArray(), e =>
            e.GetProperty("api").GetString() == "COMMAND_LINE" && e.GetProperty("role").GetString() == "LA_OFFICER"
            && e.GetProperty("what").EnumerateArray().Any(w => w.GetString() == "Export.schoolCensusAp"));
    }

    [Fact]
    public async Task Failures_exit_1_listed_by_pupil_and_no_file_is_written()
    {
        var world = new ReturnWorld(server, "902");
        var school = await world.NewSchoolAsync("Command Failures School");
        var placements = world.Placements;
        var pupil = await placements.RegisterPupilAsync(school, yearGroup: 10, primaryNeed: null);
        var setting = await placements.SettingAsync(school: true, "KS4");
        await placements.EnsureFreeSessionsAsync(setting, "WED_AM");
        await placements.DirectFromTodayAsync(await server.TokenAsync("902", "SCHOOL_STAFF", school), school, pupil, setting, ["WED_AM"]);
        var day = ReturnWorld.Iso(await placements.TodayAsync());
        var file = Path.Combine(directory, "never.csv");

        var run = await server.RunCommandAsync("export", "school-census", "--la", "902", "--school", school, "--census-date", day, "--out", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("School census AP placement module: 1 validation failure(s); no file was written.", run.Errors, StringComparison.Ordinal);
        Assert.Contains($"{(await world.PupilAsync(pupil)).Upn} ({pupil}) SENtype: SEN provision K needs a primary type of need.", run.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_census_date_is_always_given()
    {
        var run = await server.RunCommandAsync("export", "ap-census", "--la", "902");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--census-date YYYY-MM-DD is required.", run.Errors, StringComparison.Ordinal);
        Assert.Contains("Usage: ApGrid.Server export ap-census", run.Errors, StringComparison.Ordinal);
    }
}
