namespace ApGrid.Domain;

/// <summary>The three tiers of the SEND and AP improvement plan (2023).</summary>
public enum ApTier
{
    /// <summary>Support in the pupil's mainstream school, usually outreach.</summary>
    TargetedSupport,

    /// <summary>A time-limited placement with a return to the home school in view.</summary>
    TimeLimited,

    /// <summary>A transitional placement towards a new school or the next phase.</summary>
    Transitional,
}
