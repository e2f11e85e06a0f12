namespace ApGrid.Domain;

/// <summary>
/// What a placement needs from a setting: one full-time place, or one place in each listed
/// half-day session. Check it with <see cref="CapacityRules.ValidateRequest"/>.
/// </summary>
public sealed record CapacityRequest(bool FullTime, IReadOnlyList<Session> Sessions)
{
    public static CapacityRequest ForFullTime() => new(true, []);

    public static CapacityRequest ForSessions(params Session[] sessions) => new(false, sessions);
}
