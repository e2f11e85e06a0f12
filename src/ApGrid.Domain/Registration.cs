namespace ApGrid.Domain;

/// <summary>School census enrolment status; codes C, M and S via <see cref="CensusCodes"/>.</summary>
public enum Registration
{
    /// <summary>Registered at this school only (census code C, "current").</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Naming",
        "CA1720:Identifier contains type name",
        Justification = "Single is the DfE's own term for a pupil who is not dual registered.")]
    Single,

    /// <summary>Dual registered, and this is the main school (M).</summary>
    Main,

    /// <summary>Dual registered, and this is the subsidiary, usually the AP setting (S).</summary>
    Subsidiary,
}
