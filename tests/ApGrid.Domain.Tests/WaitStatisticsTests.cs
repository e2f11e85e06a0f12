using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class WaitStatisticsTests
{
    [Fact]
    public void Nearest_rank_percentiles_of_ten_waits()
    {
        int[] days = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        Assert.Equal(50, WaitStatistics.Percentile(days, 50));
        Assert.Equal(90, WaitStatistics.Percentile(days, 90));
        Assert.Equal(100, WaitStatistics.Percentile(days, 100));
    }

    [Fact]
    public void One_wait_is_every_percentile() => Assert.Equal(7, WaitStatistics.Percentile([7], 90));

    [Fact]
    public void No_waits_give_no_figure() => Assert.Null(WaitStatistics.Percentile([], 50));

    [Fact]
    public void An_odd_count_has_its_middle_as_median() => Assert.Equal(3, WaitStatistics.Percentile([1, 2, 3, 4, 5], 50));
}
