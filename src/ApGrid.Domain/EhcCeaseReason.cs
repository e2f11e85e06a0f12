namespace ApGrid.Domain;

/// <summary>Why a plan ended, in SEN2's cease-reason list; SEN2 codes via <see cref="EhcLifecycle.Sen2CeaseCode"/>.</summary>
public enum EhcCeaseReason
{
    /// <summary>Reached the maximum age (the end of the academic year of the 25th birthday).</summary>
    MaximumAge,

    /// <summary>Needs now met without a plan.</summary>
    NeedsMetWithoutPlan,

    HigherEducation,

    /// <summary>Paid employment, not an apprenticeship.</summary>
    Employment,

    /// <summary>An apprenticeship, traineeship or supported internship.</summary>
    Apprenticeship,

    /// <summary>Moved to another LA, which takes the plan over.</summary>
    MovedToAnotherLa,

    /// <summary>The young person no longer wishes to take part in education or training.</summary>
    NoLongerEngaging,

    /// <summary>Moved outside England, not to a known LA.</summary>
    MovedOutsideEngland,

    Deceased,

    Other,
}
