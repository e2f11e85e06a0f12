namespace ApGrid.Domain.Gias;

/// <summary>One establishment an import creates or updates, with the facts to write and what changed.</summary>
public sealed record GiasChange(string Urn, GiasFacts Facts, IReadOnlyList<string> Changed)
{
    public bool Closes => Changed.Contains("closed");
}
