using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace ApGrid.Api.Rest;

/// <summary>The REST API under /api/v1: thin handlers over the same grains and access rules as GraphQL.</summary>
public static class RestApi
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddApGridRest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Rest:Limits").Get<RestLimits>() ?? new RestLimits());
        services.AddSingleton<RestRequestFilter>();

        // Numbers are numbers: the web default also reads "3" as 3, which the document would then have to describe as integer-or-string.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi("v1", options =>
        {
            // Only the REST API: GraphQL describes itself, and health and Development helpers are not for partners.
            options.ShouldInclude = d => d.RelativePath?.StartsWith(Prefix[1..], StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApGridOpenApiDocument>();
            options.AddSchemaTransformer<ProblemDetailsSchema>();
            options.AddSchemaTransformer<RequestBodySchemas>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapApGridRest(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).AddEndpointFilter<RestRequestFilter>().WithTags("ApGrid");
        ApSettingEndpoints.Map(api);
        CapacityEndpoints.Map(api);
        ReportEndpoints.Map(api);
        WaitingListEndpoints.Map(api);
        RegisterEndpoints.Map(api);
        ChangeEndpoints.Map(api);
        AuditEndpoints.Map(api);
        PostcodeDirectoryEndpoints.Map(api);
        GiasImportEndpoints.Map(api);
        ReturnEndpoints.Map(api);
        ProviderEndpoints.Map(api);
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        return endpoints;
    }
}
