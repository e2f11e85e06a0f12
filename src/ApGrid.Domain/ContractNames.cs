using System.Text;

namespace ApGrid.Domain;

/// <summary>
/// The schema's name of an enum member (TuePm becomes TUE_PM), for text the API hands out without
/// going through the GraphQL schema: feed entries' field values, webhook payloads, error messages.
/// </summary>
public static class ContractNames
{
    public static string Of<T>(T value) where T : struct, Enum => Constant(value.ToString());

    /// <summary>A PascalCase name in CONSTANT_CASE: a word starts at each capital after a lower-case letter or digit.</summary>
    public static string Constant(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]))) text.Append('_');
            text.Append(char.ToUpperInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>The event type of a webhook payload: the action in the dotted lower case the Standard Webhooks payload uses (placement.started).</summary>
    public static string EventType(ChangeAction action) => Of(action).ToLowerInvariant().Replace('_', '.');
}
