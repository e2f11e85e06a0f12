using global::GraphQL.Types;

namespace ApGrid.Api.Rest;

/// <summary>
/// Enum values as REST shows and reads them: exactly GraphQL's names (MON_AM, KS2, SEMH), taken from
/// graphql-dotnet's own enumeration type so the two APIs can never spell a value differently.
/// </summary>
public static class EnumNames<T> where T : struct, Enum
{
    private static readonly Dictionary<T, string> NameByValue = new EnumerationGraphType<T>().Values.ToDictionary(v => (T)v.Value!, v => v.Name);
    private static readonly Dictionary<string, T> ValueByName = NameByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => ValueByName.Keys;

    public static string NameOf(T value) => NameByValue[value];

    public static bool TryParse(string? name, out T value) => ValueByName.TryGetValue(name ?? "", out value);
}
