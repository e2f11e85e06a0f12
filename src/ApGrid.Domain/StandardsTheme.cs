namespace ApGrid.Domain;

/// <summary>The themes of the DfE's national standards for non-school AP (August 2025).</summary>
public enum StandardsTheme
{
    SafeguardingAndWelfare,
    HealthAndSafety,
    QualityOfEducation,
    Leadership,
}
