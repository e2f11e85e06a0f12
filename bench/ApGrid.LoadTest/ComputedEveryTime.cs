using System.Text;

namespace ApGrid.LoadTest;

/// <summary>
/// The same query in a body that differs from every other by a counter in its extensions, which
/// the server ignores: no body repeats, so each one is executed whatever the server might match
/// bodies on, while the query text, and so its parsed and validated document, stays the same.
/// </summary>
internal sealed class ComputedEveryTime(string query, object? variables = null)
{
    private readonly string prefix = Encoding.UTF8.GetString(ApGridClient.Body(query, variables))[..^1] + ",\"extensions\":{\"n\":";
    private long sent;

    public byte[] Next() => Encoding.UTF8.GetBytes(string.Concat(prefix, Interlocked.Increment(ref sent).ToString(System.Globalization.CultureInfo.InvariantCulture), "}}"));
}
