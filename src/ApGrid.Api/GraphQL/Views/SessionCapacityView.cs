namespace ApGrid.Api.GraphQL.Views;

/// <summary>One half-day session as one caller may see it: <see cref="Free"/> already under disclosure control, <see cref="InUse"/> null outside the LA and the setting.</summary>
public sealed record SessionCapacityView(Session Session, int Places, int Free, int? InUse, CountBand InUseBand)
{
    public static IReadOnlyList<SessionCapacityView> Of(Auth.Caller caller, ApCapacitySnapshot setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var exact = Access.SeesExactCapacity(caller, setting.Urn);
        var shown = exact ? setting : setting.AsSeenOutsideLa();
        return [.. setting.Sessions.Zip(shown.Sessions, (real, seen) =>
        {
            var inUse = Math.Max(0, real.Places - real.Free);
            return new SessionCapacityView(real.Session, real.Places, seen.Free, exact ? inUse : null, DisclosureControl.Band(inUse));
        })];
    }
}
