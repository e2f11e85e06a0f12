using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApGrid.Api.Rights;

/// <summary>The export as the machine-readable file: camelCase members, enums in the API's words, nothing left out for being null.</summary>
public static class SubjectAccessJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new ContractEnumConverter() },
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject ToJson(SubjectAccessExport export) => JsonSerializer.SerializeToNode(export, Options)!.AsObject();

    public static string ToText(JsonObject export)
    {
        ArgumentNullException.ThrowIfNull(export);
        return export.ToJsonString(Options);
    }
}
