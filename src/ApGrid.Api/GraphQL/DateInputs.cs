using global::GraphQL;
using Microsoft.Extensions.Options;

namespace ApGrid.Api.GraphQL;

/// <summary>Dates from input, held to <see cref="DateRanges"/> for the caller: the LA may backdate further than others.</summary>
internal static class DateInputs
{
    public static DateOnly Start(IResolveFieldContext context, string field, DateOnly date) =>
        Checked(date, DateRanges.CheckStart(field, date, context.Today(), BackdateDays(context), context.Caller().IsLaOfficer));

    public static DateOnly Happened(IResolveFieldContext context, string field, DateOnly date) =>
        Checked(date, DateRanges.CheckHappened(field, date, context.Today(), BackdateDays(context), context.Caller().IsLaOfficer));

    private static int BackdateDays(IResolveFieldContext context) =>
        (context.RequestServices?.GetService<IOptions<DateInputOptions>>()?.Value ?? new DateInputOptions()).BackdateDays;

    private static DateOnly Checked(DateOnly date, DomainError? error) =>
        error is null ? date : throw ApGridError.From(CommandError.From(error));
}
