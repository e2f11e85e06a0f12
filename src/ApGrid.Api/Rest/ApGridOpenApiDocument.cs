using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace ApGrid.Api.Rest;

/// <summary>The document's description and its two ways to authenticate: a bearer token, or a partner's API key.</summary>
internal sealed class ApGridOpenApiDocument(Microsoft.Extensions.Configuration.IConfiguration configuration, IHostEnvironment environment) : IOpenApiDocumentTransformer
{
    public const string Bearer = "bearer";
    public const string ApiKey = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "ApGrid REST API",
            Version = "v1",
            Description = "Alternative Provision places, capacity, the LA report, a polling change feed and the access audit trail, "
                + "for AP settings' own systems and partners. Errors are RFC 9457 problem details whose code extension is the GraphQL "
                + "API's extensions.code; see docs/api.md.",
        };
        // The framework names the server from the request's Host header, which the caller writes: the
        // public address comes from Rest:PublicUrl. Without it, Development keeps the framework's (with
        // no trailing slash to double the paths' own) and elsewhere the document names none.
        if (configuration["Rest:PublicUrl"] is { Length: > 0 } publicUrl) document.Servers = [new OpenApiServer { Url = publicUrl.TrimEnd('/') }];
        else if (!environment.IsDevelopment()) document.Servers = [];
        else foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT with tenant, role and (for setting roles) urn claims.",
        };
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "A partner system's key, mapped in configuration to a tenant and the PARTNER role.",
        };

        // Either scheme on its own is enough, so they are two alternatives rather than one requirement.
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey, document)] = [] },
        ];
        document.Tags = new HashSet<OpenApiTag> { new() { Name = "ApGrid", Description = "Settings, capacity, report, changes and audit of the caller's tenant." } };
        return Task.CompletedTask;
    }
}
