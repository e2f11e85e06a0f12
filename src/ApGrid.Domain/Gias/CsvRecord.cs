namespace ApGrid.Domain.Gias;

/// <summary>One CSV record: its fields and where each began, so a bad value can be pointed at.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, IReadOnlyList<(int Line, int Column)> Starts);
