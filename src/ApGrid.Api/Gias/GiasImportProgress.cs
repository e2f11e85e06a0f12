namespace ApGrid.Api.Gias;

/// <summary>How far an import has got: a stage in words, and a fraction of it done (0 to 1).</summary>
public sealed record GiasImportProgress(string Stage, double Done);
