using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>The full-time-education check: one pupil's week, and the part-time-timetable list.</summary>
public static class Packages
{
    public static PackageView On(IResolveFieldContext context, PupilView pupil, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        return new PackageView(pupil, asOf, pupil.Snapshot.PackageOn(asOf, FullWeekHours(context)));
    }

    /// <summary>
    /// Every pupil below a full week on the date: the LA sees its whole tenant, a school its own
    /// pupils. Only pupils whose week can fall short are filed at the LA, so this reads those alone.
    /// </summary>
    public static async Task<IReadOnlyList<PackageView>> PartTimeAsync(IResolveFieldContext context, DateOnly asOf)
    {
        var caller = context.Caller();
        if (!caller.IsLaOfficer && caller.Role is not (Role.SchoolStaff or Role.ApStaff or Role.SpecialSchoolStaff))
        {
            throw ApGridError.Forbidden("Only the LA and schools see part-time timetables.");
        }

        var filed = await context.LocalAuthority().GetPackagePupilsAsync();
        var ids = filed.Where(p => caller.IsLaOfficer || p.Value == caller.Urn).Select(p => p.Key).Order(StringComparer.Ordinal);
        var snapshots = await Task.WhenAll(ids.Select(id => context.TenantGrain<IPupilGrain>(id).GetAsync()));
        var hours = FullWeekHours(context);
        return [.. snapshots
            .Where(s => s is not null && PupilAccess.IsLaOrHomeSchool(caller, s))
            .Select(s => new PackageView(new PupilView(s!, UpnVisible: true), asOf, s!.PackageOn(asOf, hours)))
            .Where(p => p.Check.PartTime)];
    }

    private static double FullWeekHours(IResolveFieldContext context) => context.PlacementHours().FullWeekHours;
}
