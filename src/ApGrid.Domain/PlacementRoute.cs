namespace ApGrid.Domain;

/// <summary>
/// The legal route a placement is made under (DOMAIN.md "Routes into AP"). It decides who may
/// start the placement, the notice and consent it needs, how the pupil is registered and which
/// attendance code the home school records. Stored as a number: LaPanel is 0 because every
/// placement made before routes existed went through the LA panel.
/// </summary>
public enum PlacementRoute
{
    /// <summary>A school's referral approved by the LA's panel (local practice).</summary>
    LaPanel = 0,

    /// <summary>The school directs the pupil off site to improve behaviour (s29A Education Act 2002).</summary>
    OffSiteDirection = 1,

    /// <summary>The school's provision from the sixth day of a suspension over five days (s100 EIA 2006).</summary>
    SuspensionProvision = 2,

    /// <summary>The LA's provision from the sixth day of a permanent exclusion (s19 Education Act 1996).</summary>
    S19PermanentExclusion = 3,

    /// <summary>The LA's provision for a pupil out of school for health needs or otherwise (s19).</summary>
    S19HealthOrOther = 4,

    /// <summary>Provision named in an EHC plan otherwise than in a school (s61 CFA 2014).</summary>
    EhcPlanS61 = 5,
}
