using System.Globalization;
using ApGrid.Api.GraphQL;

namespace ApGrid.Api.Rest;

/// <summary>
/// Query-string and route values read by hand, so a malformed one is refused with VALIDATION naming the
/// parameter instead of the framework's bare 400. The OpenAPI document still types them
/// (<see cref="OpenApiParameterTypes"/>).
/// </summary>
internal static class RequestValues
{
    public static int? Integer(string? value, string name, int min, int max)
    {
        if (value is null) return null;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw ApGridError.Validation(name, $"{name} must be a whole number from {min} to {max}.");
    }

    public static bool? Boolean(string? value, string name) => value switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw ApGridError.Validation(name, $"{name} must be true or false."),
    };

    public static DateOnly? Date(string? value, string name)
    {
        if (value is null) return null;
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw ApGridError.Validation(name, $"{name} must be a date as yyyy-MM-dd.");
    }

    public static T? Enum<T>(string? value, string name) where T : struct, System.Enum =>
        value is null ? null
        : EnumNames<T>.TryParse(value, out var parsed) ? parsed
        : throw ApGridError.Validation(name, $"{name} must be one of {string.Join(", ", EnumNames<T>.All)}.");

    /// <summary>Repeated (?sessions=MON_AM&amp;sessions=TUE_AM) or comma-separated values.</summary>
    public static List<T> Enums<T>(string[]? values, string name) where T : struct, System.Enum =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(v => Enum<T>(v, name)!.Value)];

    public static string Urn(string? value, string name) =>
        Domain.Urn.TryParse(value, out _) ? value! : throw ApGridError.Validation(name, $"{name} must be 6 digits.");

    public static long Cursor(string? value, string name) =>
        value is null ? 0 : ChangeCursor.TryParse(value, out var sequence) ? sequence : throw ApGridError.Validation(name, $"{name} must be a cursor this API gave you.");
}
