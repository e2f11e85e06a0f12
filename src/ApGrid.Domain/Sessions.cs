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
}
