namespace ApGrid.Domain;

/// <summary>Who must arrange full-time education from the sixth school day of an exclusion.</summary>
public enum ExclusionDutyHolder
{
    /// <summary>The excluding school, for a suspension of more than five school days (s100 EIA 2006).</summary>
    School,

    /// <summary>The LA, after a permanent exclusion (s19 Education Act 1996).</summary>
    LocalAuthority,
}
