using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace ApGrid.Api.Rights;

/// <summary>
/// The export as the machine-readable file: the records as stored, camelCase members, enums in the
/// API's words, nothing left out for being null. Properties computed from others (a placement's
/// isActive, bookedSessions, changeList) are left out: they add nothing held and would read as
/// second copies of the same facts.
/// </summary>
public static class SubjectAccessJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new ContractEnumConverter() },
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoredOnly } },
    };

    private static void StoredOnly(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Namespace?.StartsWith("ApGrid.Grains", StringComparison.Ordinal) != true) return;
        foreach (var computed in type.Properties.Where(p => p.Set is null).ToList()) type.Properties.Remove(computed);
    }

    public static JsonObject ToJson(SubjectAccessExport export) => JsonSerializer.SerializeToNode(export, Options)!.AsObject();

    public static string ToText(JsonObject export)
    {
        ArgumentNullException.ThrowIfNull(export);
        return export.ToJsonString(Options);
    }
}
