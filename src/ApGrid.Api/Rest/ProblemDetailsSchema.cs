using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ApGrid.Api.Rest;

/// <summary>Documents the two extensions every ApGrid problem may carry.</summary>
internal sealed class ProblemDetailsSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonTypeInfo.Type != typeof(ProblemDetails) && context.JsonTypeInfo.Type != typeof(HttpValidationProblemDetails)) return Task.CompletedTask;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The GraphQL API's extensions.code: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, VALIDATION, CONFLICT, CAPACITY_EXHAUSTED, ...",
        };
        schema.Properties["field"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The input at fault, when there is one (e.g. limit, sessions[0].places).",
        };
        return Task.CompletedTask;
    }
}
