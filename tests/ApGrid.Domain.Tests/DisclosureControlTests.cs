using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class DisclosureControlTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 5)]
    [InlineData(7, 5)]
    [InlineData(8, 10)]
    [InlineData(12, 10)]
    [InlineData(13, 15)]
    [InlineData(25, 25)]
    public void Counts_round_to_the_nearest_five(int count, int shown) => Assert.Equal(shown, DisclosureControl.Round(count));

    [Fact]
    public void Zero_and_counts_under_five_are_withheld_and_the_rest_shown_rounded()
    {
        var shown = DisclosureControl.Publish(CountTable.OneWay([0, 4, 5, 6, 13], totalPublished: true));
        Assert.Equal([null, null, 5, 5, 15, 30], shown);
    }

    [Fact]
    public void One_small_count_beside_a_published_total_takes_the_smallest_other_count_with_it()
    {
        // 3 alone withheld would be 31 - 20 - 8 exactly.
        var withheld = DisclosureControl.Suppress(CountTable.OneWay([20, 3, 8], totalPublished: true));
        Assert.Equal([1, 2], withheld.Order());
    }

    [Fact]
    public void Without_a_published_total_one_small_count_is_safe_alone()
    {
        var withheld = DisclosureControl.Suppress(CountTable.OneWay([20, 3, 8], totalPublished: false));
        Assert.Equal([1, 3], withheld.Order());
    }

    [Fact]
    public void Two_lists_of_the_same_children_share_their_total()
    {
        // By age [7, 2, 9] and full/part time [12, 6]: the age total is the same 18 children.
        var table = CountTable.OneWay([7, 2, 9], totalPublished: false).With(CountTable.OneWay([12, 6], totalPublished: false)).Same(3, 6);
        var withheld = DisclosureControl.Suppress(table);
        // The 2 alone would be 12 + 6 - 7 - 9: a second figure, here part time, goes with it.
        Assert.Equal([1, 3, 5, 6], withheld.Order());
        Assert.Empty(DisclosureControl.Recoverable(table, withheld));
    }

    [Fact]
    public void A_suppressed_cell_linking_two_protected_blocks_is_found_and_protected()
    {
        // Each row and column of the margins has two withheld cells after the line rule, yet the
        // middle cell can be solved from the sums: the audit withholds more.
        var interior = new[,]
        {
            { 2, 9, 30, 30 },
            { 9, 2, 30, 30 },
            { 30, 30, 3, 8 },
            { 30, 30, 8, 3 },
        };
        var table = CountTable.TwoWay(interior);
        var withheld = DisclosureControl.Suppress(table);
        Assert.Empty(DisclosureControl.Recoverable(table, withheld));
        Assert.Empty(AttackerSolves(table, withheld));
    }

    [Fact]
    public void The_audit_finds_a_bridge_the_two_per_line_rule_misses()
    {
        // Two withheld 2 × 2 blocks joined by one withheld cell: every row and column holds two or
        // more withheld cells, yet rows 0–1 less columns 0–1 leave the joining cell alone.
        var table = CountTable.TwoWay(new int[4, 4]);
        int Cell(int r, int c) => CountTable.Cell(r, c, 4);
        var withheld = new HashSet<int> { Cell(0, 0), Cell(0, 1), Cell(1, 0), Cell(1, 1), Cell(2, 2), Cell(2, 3), Cell(3, 2), Cell(3, 3), Cell(1, 2) };

        Assert.Equal([Cell(1, 2)], DisclosureControl.Recoverable(table, withheld));
        Assert.True(IsDetermined(table, withheld, Cell(1, 2)));
    }

    [Fact]
    public void The_audit_finds_a_cell_the_sums_give_away()
    {
        var table = CountTable.OneWay([20, 3, 8], totalPublished: true);
        Assert.Equal([1], DisclosureControl.Recoverable(table, new HashSet<int> { 1 }));
        Assert.Empty(DisclosureControl.Recoverable(table, new HashSet<int> { 1, 2 }));
    }

    [Fact]
    public void For_many_generated_tables_no_withheld_cell_can_be_recovered_from_the_published_margins()
    {
        var random = new Random(29);
        for (var n = 0; n < 600; n++)
        {
            int rows = random.Next(1, 5), columns = random.Next(1, 6);
            var interior = new int[rows, columns];
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < columns; c++)
                    interior[r, c] = random.Next(3) == 0 ? random.Next(0, 5) : random.Next(0, 40);
            var table = CountTable.TwoWay(interior, rowTotalsPublished: random.Next(4) > 0, columnTotalsPublished: random.Next(4) > 0);
            var withheld = DisclosureControl.Suppress(table);
            var shown = DisclosureControl.Publish(table);

            for (var i = 0; i < table.Counts.Count; i++)
            {
                if (DisclosureControl.IsPrimary(table.Counts[i])) Assert.Null(shown[i]);
                if (shown[i] is { } value) Assert.Equal(0, value % DisclosureControl.RoundingBase);
            }

            var protectedCells = withheld.Where(c => !table.Hidden.Contains(c) || DisclosureControl.IsPrimary(table.Counts[c])).ToList();
            Assert.DoesNotContain(protectedCells, c => IsDetermined(table, withheld, c));
            Assert.DoesNotContain(AttackerSolves(table, withheld), protectedCells.Contains);
        }
    }

    [Fact]
    public void One_more_child_in_any_cell_never_makes_a_withheld_cell_recoverable()
    {
        var random = new Random(2029);
        for (var n = 0; n < 300; n++)
        {
            var interior = new int[3, 4];
            for (var r = 0; r < 3; r++)
                for (var c = 0; c < 4; c++) interior[r, c] = random.Next(0, 12);
            var before = CountTable.TwoWay(interior);
            interior[random.Next(3), random.Next(4)]++;
            var after = CountTable.TwoWay(interior);

            var was = DisclosureControl.Publish(before);
            var now = DisclosureControl.Publish(after);
            for (var i = 0; i < was.Count; i++)
            {
                // What moves, moves by whole steps of the base; a small cell never shows.
                if (was[i] is { } a && now[i] is { } b) Assert.Equal(0, (b - a) % DisclosureControl.RoundingBase);
                if (now[i] is not null) Assert.False(DisclosureControl.IsPrimary(after.Counts[i]));
            }

            Assert.Empty(DisclosureControl.Recoverable(after, DisclosureControl.Suppress(after)));
        }
    }

    [Theory]
    [InlineData(0, CountBand.FewerThanFive)]
    [InlineData(1, CountBand.FewerThanFive)]
    [InlineData(4, CountBand.FewerThanFive)]
    [InlineData(5, CountBand.FiveToNine)]
    [InlineData(9, CountBand.FiveToNine)]
    [InlineData(10, CountBand.TenToNineteen)]
    [InlineData(19, CountBand.TenToNineteen)]
    [InlineData(20, CountBand.TwentyOrMore)]
    public void Per_setting_counts_fall_in_bands_with_zero_among_the_fewest(int count, CountBand band) =>
        Assert.Equal(band, DisclosureControl.Band(count));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 5)]
    [InlineData(9, 5)]
    [InlineData(10, 10)]
    [InlineData(23, 20)]
    public void Free_places_show_as_at_least_so_many(int free, int shown) => Assert.Equal(shown, DisclosureControl.FreePlacesShown(free));

    [Fact]
    public void One_start_or_end_moves_the_free_places_shown_only_across_a_step()
    {
        for (var free = 1; free < 60; free++)
        {
            var moved = DisclosureControl.FreePlacesShown(free) != DisclosureControl.FreePlacesShown(free - 1);
            Assert.Equal(free == 1 || (free >= 5 && free % 5 == 0), moved);
        }
    }

    [Fact]
    public void Percentages_are_of_the_shown_figures_and_withheld_with_them()
    {
        Assert.Equal(50.0, DisclosureControl.Percent(5, 10));
        Assert.Null(DisclosureControl.Percent(null, 10));
        Assert.Null(DisclosureControl.Percent(5, null));
        Assert.Null(DisclosureControl.Percent(0, 0));
    }

    [Fact]
    public void A_statistic_of_a_small_group_is_withheld()
    {
        Assert.Null(DisclosureControl.Statistic(40, 4));
        Assert.Equal(40, DisclosureControl.Statistic(40, 5));
    }

    [Fact]
    public void Daily_publication_periods_start_at_midnight_utc_whatever_the_offset()
    {
        var every = TimeSpan.FromDays(1);
        for (var minutes = 0; minutes < 3 * 24 * 60; minutes += 37)
        {
            var now = new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.FromHours(1)).AddMinutes(minutes);
            var start = DisclosureControl.PublicationPeriodStart(now, every);
            Assert.Equal(TimeSpan.Zero, start.UtcDateTime.TimeOfDay);
            Assert.True(start <= now && now - start < every);
        }
    }

    [Fact]
    public void Hourly_periods_hold_every_moment_of_their_hour()
    {
        var hour = new DateTimeOffset(2026, 12, 8, 13, 0, 0, TimeSpan.Zero);
        Assert.Equal(hour, DisclosureControl.PublicationPeriodStart(hour.AddMinutes(59.9), TimeSpan.FromHours(1)));
        Assert.Equal(hour.AddHours(1), DisclosureControl.PublicationPeriodStart(hour.AddHours(1), TimeSpan.FromHours(1)));
    }

    /// <summary>
    /// An independent check: cell k is determined by the sums iff dropping its column from the
    /// system over the withheld cells lowers the rank (its column is not a combination of the others).
    /// </summary>
    private static bool IsDetermined(CountTable table, IReadOnlySet<int> withheld, int cell)
    {
        var unknowns = withheld.Order().ToList();
        double[][] Matrix(IReadOnlyList<int> cols) => [.. table.Lines.Select(l => cols.Select(c => (double)(l.Parts.Count(p => p == c) - (l.Total == c ? 1 : 0))).ToArray())];
        return Rank(Matrix(unknowns)) - Rank(Matrix([.. unknowns.Where(u => u != cell)])) == 1;
    }

    private static int Rank(double[][] m)
    {
        var a = m.Select(r => (double[])r.Clone()).ToArray();
        int rank = 0, columns = a.Length == 0 ? 0 : a[0].Length;
        for (var c = 0; c < columns && rank < a.Length; c++)
        {
            var best = rank;
            for (var i = rank + 1; i < a.Length; i++) if (Math.Abs(a[i][c]) > Math.Abs(a[best][c])) best = i;
            if (Math.Abs(a[best][c]) < 1e-9) continue;
            (a[rank], a[best]) = (a[best], a[rank]);
            for (var i = rank + 1; i < a.Length; i++)
            {
                var f = a[i][c] / a[rank][c];
                for (var k = c; k < columns; k++) a[i][k] -= f * a[rank][k];
            }

            rank++;
        }

        return rank;
    }

    /// <summary>What a person with a pencil does: any sum with one unknown left gives it; repeat.</summary>
    private static HashSet<int> AttackerSolves(CountTable table, IReadOnlySet<int> withheld)
    {
        var unknown = new HashSet<int>(withheld);
        var solved = new HashSet<int>();
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var line in table.Lines)
            {
                var open = line.Cells.Where(unknown.Contains).Distinct().ToList();
                if (open.Count != 1) continue;
                unknown.Remove(open[0]);
                solved.Add(open[0]);
                progress = true;
            }
        }

        return solved;
    }
}
