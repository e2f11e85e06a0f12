using System.Text.Json;

namespace ApGrid.Server.Tests.Rest;

/// <summary>A REST answer as a client sees it: status, media type and JSON body.</summary>
public sealed record RestResponse(int Status, string? MediaType, JsonElement Json, string Body)
{
    public string? ProblemCode => IsProblem && Json.TryGetProperty("code", out var code) ? code.GetString() : null;

    public string? ProblemField => IsProblem && Json.TryGetProperty("field", out var fieldName) ? fieldName.GetString() : null;

    public bool IsProblem => MediaType == "application/problem+json";
}
