using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// Outreach: schools ask for hours, the LA allocates them by the published rule (docs/outreach.md).
/// The LA sees the whole board; a school its own requests; an AP setting the allocations it carries.
/// Requests name pupils and reasons, so partners and special schools do not see the board.
/// </summary>
public static class OutreachQueries
{
    public static async Task<object?> BoardAsync(IResolveFieldContext<object?> context)
    {
        var caller = context.Caller();
        Func<OutreachRequestRecord, bool> visible = caller.Role switch
        {
            Role.LaOfficer => _ => true,
            Role.SchoolStaff => r => r.SchoolUrn == caller.Urn,
            Role.ApStaff => r => r.Allocation?.ApUrn == caller.Urn,
            _ => throw ApGridError.Forbidden("Outreach requests name pupils; only the LA, schools and AP settings see them."),
        };
        var requests = (await context.Grains().GetGrain<IOutreachBoardGrain>(caller.Tenant).GetRequestsAsync()).Where(visible).ToList();
        var settings = await context.LocalAuthority().GetCapacityIndexAsync();
        return new OutreachBoardView(
            [.. requests.Where(r => r.Allocation is null)],
            [.. requests.Where(r => r.Allocation is not null)],
            settings.Sum(s => s.OutreachHoursPerWeek),
            settings.Sum(s => s.OutreachHoursPerWeek - s.OutreachHoursFree));
    }

    public static async Task<object?> RequestAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var schoolUrn = input["schoolUrn"] as string;
        if (!Urn.TryParse(schoolUrn, out _)) throw ApGridError.Validation("schoolUrn", "schoolUrn must be 6 digits.");
        Access.RequireLaOrStaffOf(context.Caller(), Role.SchoolStaff, schoolUrn!);
        var school = await context.TenantGrain<ISchoolGrain>(schoolUrn!).GetProfileAsync() ?? throw ApGridError.NotFound("schoolUrn", "school");

        PupilRecord? pupil = null;
        if (input.GetValueOrDefault("pupilId") is { } pupilId)
        {
            pupil = (await PupilAccess.LoadAsync(context, pupilId.ToString(), "pupilId")).Snapshot.Record;
            if (pupil.HomeSchoolUrn != schoolUrn) throw ApGridError.Validation("pupilId", "The pupil must be on the roll of the requesting school.");
        }

        var result = await context.Grains().GetGrain<IOutreachBoardGrain>(context.Caller().Tenant).RequestAsync(new OutreachRequestRecord(
            Id: "",
            schoolUrn!,
            school.Location,
            input.GetValueOrDefault("pupilId")?.ToString(),
            pupil?.DateOfBirth,
            pupil?.KeyStageOn(context.Today()),
            (input["reason"] as string) ?? "",
            (int)input["suspensionsThisTerm"]!,
            Convert.ToDouble(input["hoursRequested"], System.Globalization.CultureInfo.InvariantCulture),
            (DateOnly)input["requestedOn"]!,
            Allocation: null));
        return result.Value ?? throw ApGridError.From(result.Error!);
    }

    public static async Task<object?> AllocateAsync(IResolveFieldContext<object?> context)
    {
        PupilAccess.RequireLa(context.Caller());
        return await context.Grains().GetGrain<IOutreachBoardGrain>(context.Caller().Tenant).AllocateAsync();
    }
}
