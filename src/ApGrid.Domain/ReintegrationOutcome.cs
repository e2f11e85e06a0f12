namespace ApGrid.Domain;

public enum ReintegrationOutcome
{
    /// <summary>The return is holding.</summary>
    Sustained,

    /// <summary>Holding, with concerns that need support.</summary>
    AtRisk,

    /// <summary>The return has broken down.</summary>
    BrokenDown,
}
