using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>The LA's school calendar: every role of the tenant reads it; LA officers set the terms, a school adds its INSET days.</summary>
public static class SchoolCalendarQueries
{
    public static async Task<object?> YearAsync(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var schoolUrn = context.GetArgument<string?>("schoolUrn") is null ? null : context.UrnArgument("schoolUrn");
        return await LoadAsync(context, AcademicYear(context.GetArgument<int>("academicYear")), schoolUrn);
    }

    public static async Task<object?> SetTermsAsync(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Caller().IsLaOfficer) throw ApGridError.Forbidden("Only LA officers may set the LA's term dates.");
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var academicYear = (int)input["academicYear"]!;
        var terms = ((IEnumerable<object>)input["terms"]!).Cast<IDictionary<string, object?>>()
            .Select(t => new HalfTerm((DateOnly)t["startDate"]!, (DateOnly)t["endDate"]!)).ToList();
        var result = await Calendar(context).SetTermsAsync(academicYear, terms, Dates(input["insetDays"]));
        if (result.Error is { } error) throw ApGridError.From(error);
        return await LoadAsync(context, academicYear, null);
    }

    public static async Task<object?> SetSchoolInsetDaysAsync(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var urn = (string)input["schoolUrn"]!;
        if (!Urn.TryParse(urn, out _)) throw ApGridError.Validation("schoolUrn", "schoolUrn must be 6 digits.");
        Access.RequireLaOrStaffOf(context.Caller(), Role.SchoolStaff, urn);
        if (await context.TenantGrain<ISchoolGrain>(urn).GetProfileAsync() is null) throw ApGridError.NotFound("schoolUrn", "school");
        var academicYear = (int)input["academicYear"]!;
        var result = await Calendar(context).SetSchoolInsetDaysAsync(urn, academicYear, Dates(input["dates"]));
        if (result.Error is { } error) throw ApGridError.From(error);
        return await LoadAsync(context, academicYear, urn);
    }

    private static async Task<SchoolCalendarYearView> LoadAsync(IResolveFieldContext context, int academicYear, string? schoolUrn)
    {
        var start = new DateOnly(academicYear, 9, 1);
        var calendar = await Calendar(context).GetCalendarAsync(start, start, schoolUrn);
        return new SchoolCalendarYearView(calendar.Years[0], calendar, schoolUrn);
    }

    private static int AcademicYear(int academicYear) =>
        SchoolCalendarRules.ValidateAcademicYear(academicYear) is { } error ? throw ApGridError.Validation(error.Field, error.Message) : academicYear;

    private static List<DateOnly> Dates(object? value) => [.. ((IEnumerable<object>)value!).Cast<DateOnly>()];

    private static ISchoolCalendarGrain Calendar(IResolveFieldContext context) =>
        context.Grains().GetGrain<ISchoolCalendarGrain>(context.Caller().Tenant);
}
