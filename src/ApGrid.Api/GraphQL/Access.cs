using ApGrid.Api.Auth;

namespace ApGrid.Api.GraphQL;

/// <summary>Who may change what. Reads of settings and capacity are open to every role of the tenant.</summary>
public static class Access
{
    /// <summary>The LA, or the staff of the very setting being changed.</summary>
    public static void RequireLaOrStaffOf(Caller caller, Role settingRole, string urn)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsLaOfficer || caller.ActsFor(settingRole, urn)) return;
        throw ApGridError.Forbidden($"Only the LA or the own staff of {urn} may do this.");
    }

    /// <summary>
    /// Exact free places and hours of a setting, and so its places in use, are for the LA and the
    /// setting's own staff; everyone else sees them as <see cref="ApCapacitySnapshot.AsSeenOutsideLa"/> shows them.
    /// </summary>
    public static bool SeesExactCapacity(Caller caller, string urn)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsLaOfficer || caller.ActsFor(Role.ApStaff, urn);
    }

    public static ApCapacitySnapshot CapacityAsSeenBy(Caller caller, ApCapacitySnapshot setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return SeesExactCapacity(caller, setting.Urn) ? setting : setting.AsSeenOutsideLa();
    }

    /// <summary>
    /// Feed entries about referrals and placements name pupils; only the LA sees the whole feed.
    /// Others see capacity, and not-arrived entries only for their own pupils (<see cref="CanSee"/>).
    /// </summary>
    public static IReadOnlyList<ChangeKind> VisibleChangeKinds(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsLaOfficer ? Enum.GetValues<ChangeKind>() : [ChangeKind.Capacity, ChangeKind.NotArrived];
    }

    /// <summary>A not-arrived entry names its pupil's home school, whose staff follow it up with the LA.</summary>
    public static bool CanSee(Caller caller, ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(entry);
        if (caller.IsLaOfficer) return true;
        return entry.Kind switch
        {
            // Only changes that move what a caller outside the LA is shown (see docs/security.md).
            ChangeKind.Capacity => entry.MovesOutsideLa || caller.ActsFor(Role.ApStaff, entry.SubjectId),
            ChangeKind.NotArrived => caller.Urn is { } urn && NotArrivedAlert.HomeSchoolOf(entry.SubjectId) == urn,
            _ => false,
        };
    }
}
