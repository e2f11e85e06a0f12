namespace ApGrid.Domain;

/// <summary>School census primary/secondary SEN type; codes via <see cref="CensusCodes"/>.</summary>
public enum NeedType
{
    /// <summary>Specific learning difficulty (SPLD).</summary>
    Spld,

    /// <summary>Moderate learning difficulty (MLD).</summary>
    Mld,

    /// <summary>Severe learning difficulty (SLD).</summary>
    Sld,

    /// <summary>Profound and multiple learning difficulty (PMLD).</summary>
    Pmld,

    /// <summary>Social, emotional and mental health (SEMH).</summary>
    Semh,

    /// <summary>Speech, language and communication needs (SLCN).</summary>
    Slcn,

    /// <summary>Hearing impairment (HI).</summary>
    Hi,

    /// <summary>Visual impairment (VI).</summary>
    Vi,

    /// <summary>Multi-sensory impairment (MSI).</summary>
    Msi,

    /// <summary>Physical disability (PD).</summary>
    Pd,

    /// <summary>Autistic spectrum disorder (ASD).</summary>
    Asd,

    /// <summary>Down syndrome (DS).</summary>
    Ds,

    /// <summary>Other difficulty or disability (OTH).</summary>
    Oth,

    /// <summary>SEN support but no specialist assessment of type of need (NSA).</summary>
    Nsa,
}
