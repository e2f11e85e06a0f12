namespace ApGrid.Domain;

/// <summary>The parts of a provider's approval that lapse on a date.</summary>
public enum ExpiryItem
{
    Approval,
    Insurance,

    /// <summary>The LA's confirmation of the single central record and enhanced DBS checks.</summary>
    VettingConfirmation,

    /// <summary>The LA's last visit in person.</summary>
    Visit,
}
