namespace ApGrid.Domain;

/// <summary>
/// Counts of children that are published together, with the sums that tie them: a row and its
/// total, a two-way table with its margins, or several lists that count the same children (by age,
/// by attendance) and so share one total. A <see cref="Hidden"/> cell is never published but can
/// still be worked out from the others; a total nobody prints is one.
/// </summary>
public sealed record CountTable(IReadOnlyList<int> Counts, IReadOnlyList<CountLine> Lines, IReadOnlySet<int> Hidden)
{
    /// <summary>A list of counts and their total, the total published when <paramref name="totalPublished"/>; the total is the last cell.</summary>
    public static CountTable OneWay(IReadOnlyList<int> counts, bool totalPublished)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Count;
        return new CountTable(
            [.. counts, counts.Sum()],
            [new CountLine([.. Enumerable.Range(0, counts.Count)], total)],
            totalPublished ? new HashSet<int>() : new HashSet<int> { total });
    }

    /// <summary>
    /// A rows × columns table with its row totals, column totals and grand total. Cells are laid out
    /// row by row, then the row totals, then the column totals, then the grand total; see the index functions.
    /// </summary>
    public static CountTable TwoWay(int[,] interior, bool rowTotalsPublished = true, bool columnTotalsPublished = true, bool grandTotalPublished = true)
    {
        ArgumentNullException.ThrowIfNull(interior);
        int rows = interior.GetLength(0), columns = interior.GetLength(1);
        var counts = new List<int>(rows * columns + rows + columns + 1);
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++) counts.Add(interior[r, c]);
        for (var r = 0; r < rows; r++) counts.Add(Enumerable.Range(0, columns).Sum(c => interior[r, c]));
        for (var c = 0; c < columns; c++) counts.Add(Enumerable.Range(0, rows).Sum(r => interior[r, c]));
        counts.Add(counts.Take(rows * columns).Sum());

        var lines = new List<CountLine>();
        for (var r = 0; r < rows; r++) lines.Add(new([.. Enumerable.Range(0, columns).Select(c => Cell(r, c, columns))], RowTotal(r, rows, columns)));
        for (var c = 0; c < columns; c++) lines.Add(new([.. Enumerable.Range(0, rows).Select(r => Cell(r, c, columns))], ColumnTotal(c, rows, columns)));
        lines.Add(new([.. Enumerable.Range(0, rows).Select(r => RowTotal(r, rows, columns))], GrandTotal(rows, columns)));
        lines.Add(new([.. Enumerable.Range(0, columns).Select(c => ColumnTotal(c, rows, columns))], GrandTotal(rows, columns)));

        var hidden = new HashSet<int>();
        if (!rowTotalsPublished) hidden.UnionWith(Enumerable.Range(0, rows).Select(r => RowTotal(r, rows, columns)));
        if (!columnTotalsPublished) hidden.UnionWith(Enumerable.Range(0, columns).Select(c => ColumnTotal(c, rows, columns)));
        if (!grandTotalPublished) hidden.Add(GrandTotal(rows, columns));
        return new CountTable(counts, lines, hidden);
    }

    public static int Cell(int row, int column, int columns) => row * columns + column;

    public static int RowTotal(int row, int rows, int columns) => rows * columns + row;

    public static int ColumnTotal(int column, int rows, int columns) => rows * columns + rows + column;

    public static int GrandTotal(int rows, int columns) => rows * columns + rows + columns;

    /// <summary>This table and <paramref name="other"/> side by side, <paramref name="other"/>'s cells numbered after this one's.</summary>
    public CountTable With(CountTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var offset = Counts.Count;
        return new CountTable(
            [.. Counts, .. other.Counts],
            [.. Lines, .. other.Lines.Select(l => new CountLine([.. l.Parts.Select(p => p + offset)], l.Total + offset))],
            new HashSet<int>(Hidden.Concat(other.Hidden.Select(h => h + offset))));
    }

    /// <summary>Ties cell <paramref name="a"/> to cell <paramref name="b"/> as one figure (two lists that count the same children).</summary>
    public CountTable Same(int a, int b) => this with { Lines = [.. Lines, new CountLine([a], b)] };
}
