using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ApGrid.Api.Rest;

/// <summary>
/// Request bodies are nullable in C# only so that a missing member is refused by name; to clients
/// every member is required and never null, and a session is one of GraphQL's Session values.
/// </summary>
internal sealed class RequestBodySchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        if (type != typeof(AvailabilityRequest) && type != typeof(SessionPlacesRequest)) return Task.CompletedTask;
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property is OpenApiSchema inline && inline.Type is { } jsonType) inline.Type = jsonType & ~JsonSchemaType.Null;
            schema.Required ??= new HashSet<string>();
            schema.Required.Add(name);
        }

        if (type == typeof(SessionPlacesRequest) && schema.Properties is { } properties && properties.TryGetValue("session", out var found) && found is OpenApiSchema session)
        {
            session.Enum = [.. EnumNames<Session>.All.Select(v => (JsonNode)v!)];
        }

        return Task.CompletedTask;
    }
}
