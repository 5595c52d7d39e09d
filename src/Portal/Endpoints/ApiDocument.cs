using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Agency.Portal.Endpoints;

/// <summary>The OpenAPI description's title, how to authenticate (a brand's key as a bearer token) and that every call needs it.</summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    private const string SchemeName = "brandKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Agency brand API",
            Version = "v1",
            Description =
                "Read one brand's conversations and service figures. Each key reads the brand it was made for; the agency's admins make and "
                + "revoke keys on the brand's API access page. Times are UTC (ISO 8601); days are the brand's own. Up to 600 calls a minute per key.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "agk_<prefix>_<secret>",
            Description = "The brand's API key: Authorization: Bearer agk_…",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
