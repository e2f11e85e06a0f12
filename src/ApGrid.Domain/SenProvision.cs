namespace ApGrid.Domain;

/// <summary>School census SEN provision; codes N, K and E via <see cref="CensusCodes"/>.</summary>
public enum SenProvision
{
    None,
    SenSupport,
    EhcPlan,
}
