using System.Globalization;

namespace ApGrid.Domain;

/// <summary>
/// Places at an AP setting. Full-time places and part-time session places are counted
/// separately because settings staff them separately; outreach (staff going to the pupil)
/// is counted in hours.
/// </summary>
public static class CapacityRules
{
    public const int MaxPlaces = 500;

    public const double MaxOutreachHoursPerWeek = 200;

    /// <returns>null if the request is well formed.</returns>
    public static DomainError? ValidateRequest(CapacityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var sessions = request.Sessions ?? [];
        if (request.FullTime)
        {
            return sessions.Count == 0
                ? null
                : DomainError.Validation("sessions", "A full-time request must not list sessions: it takes a full-time place, not session places.");
        }

        if (sessions.Count == 0)
        {
            return DomainError.Validation("sessions", "A part-time request needs at least one session.");
        }

        foreach (var session in sessions)
        {
            if (!Domain.Sessions.IsDefined(session))
            {
                return DomainError.Validation("sessions", $"'{session}' is not a session.");
            }
        }

        if (CheckDistinctSessions(sessions) is { } duplicate) return duplicate;

        // Unreachable while sessions are distinct and defined, but kept so the rule stays
        // true if the session list ever grows.
        if (sessions.Count > Domain.Sessions.Count)
        {
            return DomainError.Validation("sessions", $"A part-time request can list at most {Domain.Sessions.Count} sessions.");
        }

        return null;
    }

    /// <summary>A list of sessions (a request's, or a setting's published places) names each session once.</summary>
    public static DomainError? CheckDistinctSessions(IEnumerable<Session> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var seen = new HashSet<Session>();
        foreach (var session in sessions)
        {
            if (!seen.Add(session)) return DomainError.Validation("sessions", $"Session {ContractNames.Of(session)} is listed more than once.");
        }

        return null;
    }

    /// <summary>A setting takes only pupils of the key stages it serves.</summary>
    public static DomainError? CheckKeyStage(string settingName, IReadOnlyCollection<KeyStage> keyStagesServed, KeyStage keyStage)
    {
        ArgumentNullException.ThrowIfNull(keyStagesServed);
        return keyStagesServed.Contains(keyStage)
            ? null
            : DomainError.Validation("apUrn", $"{settingName} does not serve {KeyStageName(keyStage)} pupils (it serves {string.Join(", ", keyStagesServed.Order().Select(KeyStageName))}).");
    }

    /// <summary>Published outreach hours must still carry the pupils the setting already supports by outreach (the caseload cap).</summary>
    public static DomainError? CheckOutreachCaseload(OutreachCaseloadCap cap, double outreachHoursPerWeek, int caseload)
    {
        ArgumentNullException.ThrowIfNull(cap);
        return cap.MaxPupils(outreachHoursPerWeek) < caseload
            ? DomainError.Conflict("outreachHoursPerWeek", $"outreachHoursPerWeek is too few for the {caseload} pupils this setting already supports by outreach.")
            : null;
    }

    /// <summary>Whether the free places cover the request. Missing sessions count as having no free places.</summary>
    /// <returns>null if every place the request needs is free; otherwise the request's own validation error or CapacityExhausted.</returns>
    public static DomainError? CheckReservation(int fullTimeFree, IReadOnlyDictionary<Session, int> sessionFree, CapacityRequest request)
    {
        ArgumentNullException.ThrowIfNull(sessionFree);

        // Validating first means a duplicated session can never be booked twice against one free place.
        if (ValidateRequest(request) is { } invalid)
        {
            return invalid;
        }

        if (request.FullTime)
        {
            return fullTimeFree >= 1
                ? null
                : DomainError.CapacityExhausted("fullTime", "No full-time places are free.");
        }

        var exhausted = request.Sessions
            .Where(session => sessionFree.GetValueOrDefault(session) < 1)
            .Order()
            .ToList();

        return exhausted.Count == 0
            ? null
            : DomainError.CapacityExhausted(
                "sessions",
                exhausted.Count == 1
                    ? $"No places are free in session {ContractNames.Of(exhausted[0])}."
                    : $"No places are free in sessions {string.Join(", ", exhausted.Select(ContractNames.Of))}.");
    }

    /// <summary>
    /// Checks a setting's new published availability: each figure must be in range, and none
    /// may drop below what current placements already use, since that would strand pupils.
    /// </summary>
    /// <returns>null if the availability can be saved.</returns>
    public static DomainError? ValidateAvailability(
        int fullTimePlaces,
        IReadOnlyDictionary<Session, int> sessionPlaces,
        double outreachHoursPerWeek,
        int fullTimeUsed,
        IReadOnlyDictionary<Session, int> sessionUsed,
        double outreachHoursUsed)
    {
        ArgumentNullException.ThrowIfNull(sessionPlaces);
        ArgumentNullException.ThrowIfNull(sessionUsed);

        if (fullTimePlaces is < 0 or > MaxPlaces)
        {
            return DomainError.Validation("fullTimePlaces", $"fullTimePlaces must be between 0 and {MaxPlaces}, not {fullTimePlaces}.");
        }

        foreach (var (session, places) in sessionPlaces)
        {
            if (!Domain.Sessions.IsDefined(session))
            {
                return DomainError.Validation("sessions", $"'{session}' is not a session.");
            }

            if (places is < 0 or > MaxPlaces)
            {
                return DomainError.Validation("sessions", $"Places in session {ContractNames.Of(session)} must be between 0 and {MaxPlaces}, not {places}.");
            }
        }

        if (!double.IsFinite(outreachHoursPerWeek) || outreachHoursPerWeek is < 0 or > MaxOutreachHoursPerWeek)
        {
            return DomainError.Validation(
                "outreachHoursPerWeek",
                Invariant($"outreachHoursPerWeek must be between 0 and {MaxOutreachHoursPerWeek}, not {outreachHoursPerWeek}."));
        }

        if (fullTimePlaces < fullTimeUsed)
        {
            return DomainError.Conflict("fullTimePlaces", $"fullTimePlaces cannot be {fullTimePlaces}: {InUse(fullTimeUsed, "place")}.");
        }

        foreach (var session in Domain.Sessions.All)
        {
            var places = sessionPlaces.GetValueOrDefault(session);
            var used = sessionUsed.GetValueOrDefault(session);
            if (places < used)
            {
                return DomainError.Conflict("sessions", $"Places in session {ContractNames.Of(session)} cannot be {places}: {InUse(used, "place")}.");
            }
        }

        if (outreachHoursPerWeek < outreachHoursUsed)
        {
            return DomainError.Conflict(
                "outreachHoursPerWeek",
                Invariant($"outreachHoursPerWeek cannot be {outreachHoursPerWeek}: {InUse(outreachHoursUsed, "hour")}."));
        }

        return null;
    }

    private static string InUse(double count, string unit) =>
        count == 1 ? Invariant($"1 {unit} is in use") : Invariant($"{count} {unit}s are in use");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>As the API's KeyStage enum spells it.</summary>
    private static string KeyStageName(KeyStage keyStage) => keyStage == KeyStage.Post16 ? "POST_16" : keyStage.ToString().ToUpperInvariant();
}
