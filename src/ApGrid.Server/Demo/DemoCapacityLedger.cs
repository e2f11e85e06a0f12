using ApGrid.Domain;

namespace ApGrid.Server.Demo;

/// <summary>
/// What is still free at each demo AP setting while pupils are generated. It mirrors the checks the
/// AP setting grain makes on reservation, so every generated placement is one the grain will accept.
/// </summary>
internal sealed class DemoCapacityLedger
{
    private readonly Dictionary<string, int> fullTimeFree = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> sessionFree = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> fullTimeOfCompulsoryAge = new(StringComparer.Ordinal);

    public DemoCapacityLedger(IEnumerable<DemoApSetting> settings)
    {
        foreach (var setting in settings)
        {
            fullTimeFree[setting.Urn] = setting.Availability.FullTimePlaces;
            var free = new int[Sessions.Count];
            foreach (var offered in setting.Availability.Sessions) free[(int)offered.Session] = offered.Places;
            sessionFree[setting.Urn] = free;
            fullTimeOfCompulsoryAge[setting.Urn] = 0;
        }
    }

    public bool TryTakeFullTime(DemoApSetting setting, RegistrationCandidate pupil)
    {
        if (fullTimeFree[setting.Urn] < 1) return false;
        if (RegistrationRule.CheckFullTimePlacement(setting.Profile.Registered, pupil, fullTimeOfCompulsoryAge[setting.Urn]) is not null
            || NonSchoolPlacementRules.CheckHomeSchoolSessions(ApTypes.Of(setting.Profile.Type), Sessions.Count, PlacementRoute.LaPanel) is not null)
        {
            return false;
        }

        fullTimeFree[setting.Urn]--;
        if (pupil.OfCompulsorySchoolAge) fullTimeOfCompulsoryAge[setting.Urn]++;
        return true;
    }

    public IEnumerable<Session> OpenSessions(DemoApSetting setting) =>
        Sessions.All.Where(session => sessionFree[setting.Urn][(int)session] > 0);

    public void TakeSessions(DemoApSetting setting, IEnumerable<Session> sessions)
    {
        foreach (var session in sessions) sessionFree[setting.Urn][(int)session]--;
    }
}
