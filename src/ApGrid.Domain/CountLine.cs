namespace ApGrid.Domain;

/// <summary>One published sum in a table of counts: the cells at <see cref="Parts"/> add up to the cell at <see cref="Total"/> (indexes into <see cref="CountTable.Counts"/>).</summary>
public sealed record CountLine(IReadOnlyList<int> Parts, int Total)
{
    public IEnumerable<int> Cells => Parts.Append(Total);
}
