using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApGrid.Api.Rights;

/// <summary>
/// The export as a page a parent or young person can read, rendered from the same JSON as the
/// machine-readable file so the two can never disagree: members become labels in words
/// ("Home school URN"), enum values become words ("Final issued"), yes/no for booleans.
/// </summary>
public static class SubjectAccessHtml
{
    private static readonly Dictionary<string, string> Acronyms = new(StringComparer.Ordinal)
    {
        ["upn"] = "UPN", ["urn"] = "URN", ["ehc"] = "EHC", ["ehcp"] = "EHCP", ["sen"] = "SEN", ["la"] = "LA", ["ap"] = "AP", ["id"] = "id", ["api"] = "API", ["am"] = "AM", ["pm"] = "PM", ["graphql"] = "GraphQL", ["http"] = "HTTP", ["ws"] = "WebSocket",
    };

    public static string Render(JsonObject export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var html = new StringBuilder();
        var pupilId = Text(export["pupilId"]);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Subject access export: ")
            .Append(Encode(pupilId)).Append("</title>")
            .Append("<style>body{font-family:Arial,sans-serif;margin:2em;max-width:60em}dt{font-weight:bold}dd{margin:0 0 .5em 1.5em}section{border-top:1px solid #b1b4b6;margin-top:1em}</style>")
            .Append("</head><body><h1>Everything ApGrid holds about pupil ").Append(Encode(pupilId)).Append("</h1>")
            .Append("<p>Exported ").Append(Encode(Text(export["exportedAt"]))).Append(" by ").Append(Encode(Text(export["exportedBy"])))
            .Append(" for local authority ").Append(Encode(Text(export["localAuthority"]))).Append(".</p>");
        foreach (var (name, value) in export)
        {
            if (name is "pupilId" or "exportedAt" or "exportedBy" or "localAuthority") continue;
            html.Append("<section><h2>").Append(Encode(Label(name))).Append("</h2>");
            if (value is JsonArray { Count: 0 } or null) html.Append("<p>None held.</p>");
            else Append(html, value, 3);
            html.Append("</section>");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void Append(StringBuilder html, JsonNode? node, int level)
    {
        switch (node)
        {
            case JsonObject item:
                html.Append("<dl>");
                foreach (var (name, value) in item)
                {
                    if (value is null or JsonArray { Count: 0 }) continue;
                    html.Append("<dt>").Append(Encode(Label(name))).Append("</dt><dd>");
                    Append(html, value, level + 1);
                    html.Append("</dd>");
                }

                html.Append("</dl>");
                break;
            case JsonArray list when list.All(v => v is JsonValue):
                html.Append(Encode(string.Join(", ", list.Select(v => Words(v)))));
                break;
            case JsonArray list:
                var heading = Math.Min(level, 6);
                for (var i = 0; i < list.Count; i++)
                {
                    html.Append("<h").Append(heading).Append('>').Append(i + 1).Append(" of ").Append(list.Count).Append("</h").Append(heading).Append('>');
                    Append(html, list[i], level + 1);
                }

                break;
            default:
                html.Append(Encode(Words(node)));
                break;
        }
    }

    /// <summary>"homeSchoolUrn" → "Home school URN".</summary>
    public static string Label(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= member.Length; i++)
        {
            if (i == member.Length || char.IsUpper(member[i]))
            {
                var word = member[start..i].ToLowerInvariant();
                words.Add(Acronyms.TryGetValue(word, out var acronym) ? acronym : word);
                start = i;
            }
        }

        var text = string.Join(' ', words);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>Enum values such as FINAL_ISSUED read as "Final issued"; booleans as yes or no.</summary>
    private static string Words(JsonNode? node)
    {
        if (node is not JsonValue value) return "";
        if (value.GetValueKind() is JsonValueKind.True) return "yes";
        if (value.GetValueKind() is JsonValueKind.False) return "no";
        var text = Text(value);
        // Letters and underscores only: a UPN or a URN has digits and stays as it is, and short codes (SEMH, ASD) are acronyms.
        if (text.All(c => c is (>= 'A' and <= 'Z') or '_') && (text.Contains('_') || text.Length >= 5))
        {
            var words = text.Split('_').Select(w => Acronyms.TryGetValue(w.ToLowerInvariant(), out var acronym) ? acronym : w.ToLowerInvariant());
            var joined = string.Join(' ', words);
            return char.ToUpperInvariant(joined[0]) + joined[1..];
        }

        return text;
    }

    private static string Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
        : "";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
