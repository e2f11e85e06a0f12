using System.Collections.ObjectModel;

namespace ApGrid.Domain;

public static class Sessions
{
    /// <summary>The ten half-days in week order; read-only so callers cannot reorder it for everyone.</summary>
    public static IReadOnlyList<Session> All { get; } = new ReadOnlyCollection<Session>(
    [
        Session.MonAm, Session.MonPm,
        Session.TueAm, Session.TuePm,
        Session.WedAm, Session.WedPm,
        Session.ThuAm, Session.ThuPm,
        Session.FriAm, Session.FriPm,
    ]);

    public static int Count => All.Count;

    public static bool IsDefined(Session session) => session is >= Session.MonAm and <= Session.FriPm;

    public static bool IsMorning(Session session) => (int)session % 2 == 0;

    /// <summary>The words people use: "Tuesday afternoon".</summary>
    public static string Describe(Session session) =>
        $"{Days[(int)session / 2]} {(IsMorning(session) ? "morning" : "afternoon")}";

    /// <summary>The schema's name for the session, as clients send it: "TUE_PM".</summary>
    public static string ContractName(Session session) => session.ToString().ToUpperInvariant().Insert(3, "_");

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
}
