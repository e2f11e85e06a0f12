using ApGrid.Domain.Returns;
using static ApGrid.Domain.Tests.Returns.ReturnWorld;

namespace ApGrid.Domain.Tests.Returns;

public sealed class ReturnPlacementTests
{
    [Fact]
    public void A_placement_runs_from_its_entry_to_its_leaving_date_inclusive_or_on_while_open()
    {
        var start = D(2025, 9, 1);
        for (var length = 0; length < 40; length++)
        {
            var ended = Placement("a", Unregistered, PlacementRoute.LaPanel, start, start.AddDays(length));
            var open = Placement("b", Unregistered, PlacementRoute.LaPanel, start);
            for (var offset = -5; offset < 50; offset++)
            {
                var day = start.AddDays(offset);
                Assert.Equal(offset >= 0 && offset <= length, ended.RunsOn(day));
                Assert.Equal(offset >= 0, open.RunsOn(day));
            }
        }
    }
}
