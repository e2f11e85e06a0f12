namespace ApGrid.Api.GraphQL;

/// <summary>The non-travel part of a capacity filter, applied to snapshots from the live index.</summary>
public sealed record CapacitySearch(KeyStage? KeyStage, NeedType? Need, bool? FullTime, IReadOnlyList<Session> Sessions, bool RegisteredOnly)
{
    public static readonly CapacitySearch Any = new(null, null, null, [], false);

    public bool Matches(ApCapacitySnapshot setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return (KeyStage is not { } ks || setting.Profile.KeyStages.Contains(ks))
            && (Need is not { } need || setting.Profile.Specialisms.Contains(need))
            && (FullTime != true || setting.FullTimePlacesFree > 0)
            && Sessions.All(s => setting.Sessions.Any(c => c.Session == s && c.Free > 0))
            && (!RegisteredOnly || setting.Profile.Registered);
    }

    /// <summary>Reads the CapacityFilter argument; travel filters need pupils, which have not landed yet.</summary>
    public static CapacitySearch From(Dictionary<string, object?>? filter)
    {
        if (filter is null) return Any;
        if (filter.GetValueOrDefault("maxTravelMinutes") is not null && filter.GetValueOrDefault("nearPupil") is null)
        {
            throw ApGridError.Validation("maxTravelMinutes", "maxTravelMinutes needs nearPupil.");
        }

        return new CapacitySearch(
            filter.TryGetValue("keyStage", out var ks) ? (KeyStage?)ks : null,
            filter.TryGetValue("need", out var need) ? (NeedType?)need : null,
            filter.TryGetValue("fullTime", out var fullTime) ? (bool?)fullTime : null,
            filter.TryGetValue("sessions", out var sessions) && sessions is IEnumerable<object> list ? [.. list.Cast<Session>()] : [],
            filter.TryGetValue("registeredOnly", out var registered) && registered is true);
    }
}
