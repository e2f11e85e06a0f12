namespace ApGrid.Domain;

/// <summary>Who asked for the EHC needs assessment, in SEN2's request-source categories.</summary>
public enum EhcRequestSource
{
    /// <summary>A parent, or the young person themselves.</summary>
    Parent,

    /// <summary>A school or other education setting.</summary>
    School,

    Health,

    SocialCare,

    Other,
}
