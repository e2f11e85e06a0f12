namespace ApGrid.Domain;

/// <summary>How a code counts in the attendance statistics (the DfE's categories, 2024).</summary>
public enum AttendanceCategory
{
    /// <summary>In the building for the session: counted as attended.</summary>
    Present,

    /// <summary>At an approved educational activity away from the school (B, K): counted as attended.</summary>
    ApprovedEducationalActivity,

    AuthorisedAbsence,

    UnauthorisedAbsence,

    /// <summary>Not a possible session (D, X): left out of both sides of the percentage.</summary>
    NotCounted,
}
