using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

public sealed record GraphQLResponse(int Status, JsonElement Json, string Body)
{
    public JsonElement Data => Json.GetProperty("data");

    public bool HasErrors => Json.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0;

    public string? FirstErrorCode => HasErrors
        ? Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()
        : null;

    public string? FirstErrorMessage => HasErrors ? Json.GetProperty("errors")[0].GetProperty("message").GetString() : null;

    public string? FirstErrorField => HasErrors && Json.GetProperty("errors")[0].GetProperty("extensions").TryGetProperty("field", out var fieldName)
        ? fieldName.GetString()
        : null;
}
