namespace ApGrid.Domain.Gias;

/// <summary>One row of the GIAS links file: <see cref="Urn"/> is linked to <see cref="LinkUrn"/> as <see cref="LinkType"/> says.</summary>
public sealed record GiasLink(string Urn, string LinkUrn, string LinkName, string LinkType, DateOnly? Established)
{
    /// <summary>
    /// "Successor", "Successor - merged", "Successor - amalgamated", "Successor - Split School": the
    /// link URN took over from this URN. "Result of Amalgamation", "Merged - …" and "Other" are written
    /// from both ends, so they say nothing of which way pupils went; sixth-form links are shared
    /// sixth forms, not successors.
    /// </summary>
    public bool IsSuccessor => LinkType == "Successor" || LinkType.StartsWith("Successor - ", StringComparison.Ordinal);
}
