using global::GraphQL.Types;

namespace ApGrid.Api.Rest;

/// <summary>
/// Enum values as REST shows and reads them: exactly GraphQL's names (MON_AM, KS2, SEMH), taken from
/// the GraphQL enum type that serves <typeparamref name="T"/>, so the two APIs never spell a value differently.
/// </summary>
public static class EnumNames<T> where T : struct, Enum
{
    private static readonly Dictionary<T, string> NameByValue = GraphTypeValues().ToDictionary(v => (T)v.Value!, v => v.Name);
    private static readonly Dictionary<string, T> ValueByName = NameByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => ValueByName.Keys;

    public static string NameOf(T value) => NameByValue[value];

    public static bool TryParse(string? name, out T value) => ValueByName.TryGetValue(name ?? "", out value);

    private static EnumValuesBase GraphTypeValues()
    {
        var served = typeof(GraphQL.ApGridSchema).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(EnumerationGraphType).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (EnumerationGraphType)Activator.CreateInstance(t)!)
            .FirstOrDefault(g => g.Values.Count > 0 && g.Values.All(v => v.Value is T));
        return (served ?? new EnumerationGraphType<T>()).Values;
    }
}
