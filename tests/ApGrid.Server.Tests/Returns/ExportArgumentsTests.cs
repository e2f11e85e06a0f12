using ApGrid.Server.Commands;

namespace ApGrid.Server.Tests.Returns;

public sealed class ExportArgumentsTests
{
    [Fact]
    public void Each_return_reads_its_own_arguments_and_the_configuration_overrides()
    {
        var census = ExportArguments.Parse(["export", "ap-census", "--la", "902", "--census-date", "2026-01-15", "--out", "ap.csv", "--Orleans:GatewayPort", "30001"], out var error);
        var module = ExportArguments.Parse(["export", "school-census", "--school", "100001", "--census-date", "2026-01-15", "--la", "902"], out _);
        var sen2 = ExportArguments.Parse(["export", "sen2", "--la", "931", "--year", "2025"], out _);

        Assert.Null(error);
        Assert.Equal(("ap-census", "902", new DateOnly(2026, 1, 15), "ap.csv"), (census!.Return, census.La, census.CensusDate!.Value, census.Out));
        Assert.Equal(["--Orleans:GatewayPort", "30001"], census.Configuration);
        Assert.Equal(("school-census", "100001"), (module!.Return, module.School));
        Assert.Equal(("sen2", "931", 2025, (DateOnly?)null), (sen2!.Return, sen2.La, sen2.Year!.Value, sen2.CensusDate));
    }

    [Theory]
    [InlineData("Name the return", "export")]
    [InlineData("Name the return", "export", "sen3", "--la", "902")]
    [InlineData("--la CODE is required.", "export", "sen2", "--year", "2025")]
    [InlineData("--census-date YYYY-MM-DD is required.", "export", "ap-census", "--la", "902")]
    [InlineData("--census-date 15-01-2026: give the date as YYYY-MM-DD.", "export", "ap-census", "--la", "902", "--census-date", "15-01-2026")]
    [InlineData("--school URN is required.", "export", "school-census", "--la", "902", "--census-date", "2026-01-15")]
    [InlineData("--year YYYY is required.", "export", "sen2", "--la", "902")]
    [InlineData("sen2 takes --year, not --census-date", "export", "sen2", "--la", "902", "--year", "2025", "--census-date", "2026-01-15")]
    [InlineData("--la 9x1: an LA code is 3 digits", "export", "sen2", "--la", "9x1", "--year", "2025")]
    [InlineData("Unknown or incomplete argument \"--census-date\".", "export", "ap-census", "--la", "902", "--census-date")]
    public void Wrong_arguments_say_what_is_wrong(string message, params string[] args)
    {
        Assert.Null(ExportArguments.Parse(args, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }
}
