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

    /// <summary>Feed entries about referrals and placements name pupils; only the LA sees the whole feed.</summary>
    public static IReadOnlyList<ChangeKind> VisibleChangeKinds(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsLaOfficer ? Enum.GetValues<ChangeKind>() : [ChangeKind.Capacity];
    }
}
