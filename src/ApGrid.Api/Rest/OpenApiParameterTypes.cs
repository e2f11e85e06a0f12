using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ApGrid.Api.Rest;

/// <summary>
/// Handlers take query values as strings so that bad ones are refused by name; this tells the
/// OpenAPI document what they really are.
/// </summary>
internal static class OpenApiParameterTypes
{
    public static RouteHandlerBuilder IntegerParameter(this RouteHandlerBuilder builder, string name, int min, int max, string description) =>
        builder.Parameter(name, description, new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = min.ToString(CultureInfo.InvariantCulture),
            Maximum = max.ToString(CultureInfo.InvariantCulture),
        });

    public static RouteHandlerBuilder BooleanParameter(this RouteHandlerBuilder builder, string name, string description) =>
        builder.Parameter(name, description, new OpenApiSchema { Type = JsonSchemaType.Boolean });

    public static RouteHandlerBuilder EnumParameter<T>(this RouteHandlerBuilder builder, string name, string description, bool many = false) where T : struct, Enum
    {
        var values = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. EnumNames<T>.All.Select(v => (System.Text.Json.Nodes.JsonNode)v!)] };
        return builder.Parameter(name, description, many ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = values } : values);
    }

    public static RouteHandlerBuilder DateParameter(this RouteHandlerBuilder builder, string name, string description) =>
        builder.Parameter(name, description, new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" });

    public static RouteHandlerBuilder StringParameter(this RouteHandlerBuilder builder, string name, string description, string? pattern = null) =>
        builder.Parameter(name, description, new OpenApiSchema { Type = JsonSchemaType.String, Pattern = pattern });

    private static RouteHandlerBuilder Parameter(this RouteHandlerBuilder builder, string name, string description, OpenApiSchema schema) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (!string.Equals(parameter.Name, name, StringComparison.Ordinal)) continue;
                parameter.Schema = schema;
                parameter.Description = description;
            }

            return Task.CompletedTask;
        });
}
