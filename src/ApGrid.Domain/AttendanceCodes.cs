namespace ApGrid.Domain;

/// <summary>
/// The official code strings and how each code counts. Which codes count follows the DfE's 2024
/// guidance and its statistics: B and K are approved educational activities and count as attended;
/// C2 (part-time timetable) is a leave of absence, so an authorised absence in a possible session
/// (a part-time timetable lowers attendance, which is the point of flagging it); D (the pupil is
/// counted at the other school that registers them) and X (not required to attend) are not
/// possible sessions at all; U (late after the register closed) and N (no reason yet) are unauthorised.
/// </summary>
public static class AttendanceCodes
{
    private static readonly Dictionary<AttendanceCode, (string Code, AttendanceCategory Category, string Name)> Table = new()
    {
        [AttendanceCode.Present] = ("/", AttendanceCategory.Present, "Present"),
        [AttendanceCode.LateBeforeRegisterClosed] = ("L", AttendanceCategory.Present, "Late (before register closed)"),
        [AttendanceCode.LateAfterRegisterClosed] = ("U", AttendanceCategory.UnauthorisedAbsence, "Late (after register closed)"),
        [AttendanceCode.EducatedOffSite] = ("B", AttendanceCategory.ApprovedEducationalActivity, "Educated off site"),
        [AttendanceCode.AttendingLaArrangedProvision] = ("K", AttendanceCategory.ApprovedEducationalActivity, "Attending LA-arranged provision"),
        [AttendanceCode.DualRegistered] = ("D", AttendanceCategory.NotCounted, "Dual registered (at another school)"),
        [AttendanceCode.PartTimeTimetable] = ("C2", AttendanceCategory.AuthorisedAbsence, "Part-time timetable"),
        [AttendanceCode.SuspendedOrExcludedNoProvision] = ("E", AttendanceCategory.AuthorisedAbsence, "Suspended or excluded (no provision)"),
        [AttendanceCode.Illness] = ("I", AttendanceCategory.AuthorisedAbsence, "Illness"),
        [AttendanceCode.MedicalAppointment] = ("M", AttendanceCategory.AuthorisedAbsence, "Medical or dental appointment"),
        [AttendanceCode.UnauthorisedAbsence] = ("O", AttendanceCategory.UnauthorisedAbsence, "Unauthorised absence"),
        [AttendanceCode.NoReasonYet] = ("N", AttendanceCategory.UnauthorisedAbsence, "No reason yet"),
        [AttendanceCode.NotRequiredToAttend] = ("X", AttendanceCategory.NotCounted, "Not required to attend"),
    };

    /// <summary>The afternoon's present mark; every other code reads the same in both sessions.</summary>
    public const string PresentPm = "\\";

    public static IReadOnlyList<AttendanceCode> All { get; } = [.. Table.Keys.Order()];

    /// <summary>The official code as a register shows it in <paramref name="session"/>.</summary>
    public static string CodeOf(AttendanceCode code, Session session) =>
        code == AttendanceCode.Present && !AttendanceRules.IsMorning(session) ? PresentPm : Table[code].Code;

    /// <summary>The official code, with "/" for present (the morning's form).</summary>
    public static string CodeOf(AttendanceCode code) => Table[code].Code;

    /// <summary>What people call the code on a register.</summary>
    public static string NameOf(AttendanceCode code) => Table[code].Name;

    public static AttendanceCategory CategoryOf(AttendanceCode code) => Table[code].Category;

    /// <summary>
    /// Reads an official code, case-insensitively ("c2" is C2). "/" and "\" both read as present in
    /// either session: they say the same thing, and an MIS that sends "/" for every present mark
    /// should not have its register refused for it.
    /// </summary>
    public static bool TryParse(string? text, out AttendanceCode code)
    {
        code = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return false;
        if (trimmed == PresentPm)
        {
            code = AttendanceCode.Present;
            return true;
        }

        foreach (var (candidate, entry) in Table)
        {
            if (string.Equals(entry.Code, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                code = candidate;
                return true;
            }
        }

        return false;
    }

    public static bool IsPossible(AttendanceCode code) => CategoryOf(code) != AttendanceCategory.NotCounted;

    public static bool IsAttended(AttendanceCode code) => CategoryOf(code) is AttendanceCategory.Present or AttendanceCategory.ApprovedEducationalActivity;

    /// <summary>Every official code string, for a refusal that lists them.</summary>
    public static string Listing => string.Join(", ", new[] { "/", PresentPm }.Concat(All.Skip(1).Select(CodeOf)));
}
