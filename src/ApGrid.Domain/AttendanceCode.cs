namespace ApGrid.Domain;

/// <summary>
/// A session's attendance mark, from the national codes (Working together to improve school
/// attendance, 2024) that AP uses. Stored as numbers: a code is never renumbered. The official code
/// strings are in <see cref="AttendanceCodes"/>; <see cref="Present"/> is "/" in the morning and "\" in the afternoon.
/// </summary>
public enum AttendanceCode
{
    Present = 0,
    LateBeforeRegisterClosed = 1,
    LateAfterRegisterClosed = 2,
    EducatedOffSite = 3,
    AttendingLaArrangedProvision = 4,
    DualRegistered = 5,
    PartTimeTimetable = 6,
    SuspendedOrExcludedNoProvision = 7,
    Illness = 8,
    MedicalAppointment = 9,
    UnauthorisedAbsence = 10,
    NoReasonYet = 11,
    NotRequiredToAttend = 12,
}
