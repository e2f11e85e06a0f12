namespace ApGrid.Grains.Abstractions;

/// <summary>What a version of a provider's assurance record changed. Stored as numbers: never renumber.</summary>
public enum AssuranceChange
{
    DueDiligence = 0,

    /// <summary>The provider's own staff sent evidence dates (policies, insurance, risk assessments, DSL training).</summary>
    EvidenceDates = 1,
    Decision = 2,
    Override = 3,
    Extension = 4,
}
