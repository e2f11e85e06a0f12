using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL;
using ApGrid.Api.GraphQL.Views;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApGrid.Api.Rest;

/// <summary>
/// For providers' own systems: read the profile and standing, send evidence dates. The standing is
/// every role's to read, as in GraphQL; the evidence only the LA's and the provider's own staff's,
/// and reading or sending it is audited against the provider.
/// </summary>
internal static class ProviderEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/providers/{urn}", GetAsync)
            .WithName("getProvider")
            .WithSummary("Read a provider's profile and its standing on the LA's approved register today")
            .WithDescription("evidence (the due-diligence dates) only for LA officers and the provider's own AP staff; null for everyone else.")
            .StringParameter("urn", "The provider's URN or the LA's reference: 6 digits.", "^[0-9]{6}$")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapPut("/providers/{urn}/evidence", SendEvidenceAsync)
            .WithName("sendProviderEvidence")
            .WithSummary("Send a provider's evidence dates")
            .WithDescription("Only LA officers and the provider's own AP staff. DSL name and training, policies, insurance expiry, risk assessments; members left out or null stay as they are. Dates of things done cannot be after today (422).")
            .Accepts<ProviderEvidenceRequest>("application/json")
            .StringParameter("urn", "The provider's URN or the LA's reference: 6 digits.", "^[0-9]{6}$")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
    }

    public static async Task<Ok<ProviderResource>> GetAsync(HttpContext http, string urn)
    {
        var rest = RestRequest.Of(http);
        RequestValues.Urn(urn, "urn");
        return TypedResults.Ok(await ResourceAsync(http, rest, urn, "GET /api/v1/providers/{urn}"));
    }

    public static async Task<Results<Ok<ProviderResource>, ProblemHttpResult>> SendEvidenceAsync(HttpContext http, string urn)
    {
        var rest = RestRequest.Of(http);
        RequestValues.Urn(urn, "urn");
        Access.RequireLaOrStaffOf(rest.Caller, Role.ApStaff, urn);
        var body = await RestBody.ReadAsync<ProviderEvidenceRequest>(http, " (dates as yyyy-MM-dd)");
        if (await rest.TenantGrain<IApSettingGrain>(urn).GetCapacityAsync() is null) throw ApGridError.NotFound("urn", "AP setting");
        var assurance = rest.TenantGrain<IProviderAssuranceGrain>(urn);
        var current = (await assurance.GetAsync()).DueDiligence;
        var record = current with
        {
            DslName = body.DslName ?? current.DslName,
            DslTrainedOn = body.DslTrainedOn ?? current.DslTrainedOn,
            SafeguardingPolicyOn = body.SafeguardingPolicyOn ?? current.SafeguardingPolicyOn,
            BehaviourPolicyOn = body.BehaviourPolicyOn ?? current.BehaviourPolicyOn,
            InsuranceExpires = body.InsuranceExpires ?? current.InsuranceExpires,
            SiteRiskAssessmentOn = body.SiteRiskAssessmentOn ?? current.SiteRiskAssessmentOn,
            ActivityRiskAssessmentOn = body.ActivityRiskAssessmentOn ?? current.ActivityRiskAssessmentOn,
        };
        var result = await assurance.RecordDueDiligenceAsync(record, AssuranceChange.EvidenceDates, rest.Caller.Subject, RoleNames.NameOf(rest.Caller.Role));
        if (result.Error is { } error) return RestProblem.From(error);
        rest.AccessLog.ProviderChanged(urn, "PUT /api/v1/providers/{urn}/evidence");
        return TypedResults.Ok(await ResourceAsync(http, rest, urn, read: null));
    }

    private static async Task<ProviderResource> ResourceAsync(HttpContext http, RestRequest rest, string urn, string? read)
    {
        var setting = await rest.TenantGrain<IApSettingGrain>(urn).GetCapacityAsync() ?? throw ApGridError.NotFound("urn", "AP setting");
        var today = http.RequestServices.GetRequiredService<TimeProvider>().Today();
        DueDiligenceRecord? record = null;
        if (ProviderStandingView.MaySeeReasons(rest.Caller, urn))
        {
            record = (await rest.TenantGrain<IProviderAssuranceGrain>(urn).GetAsync()).DueDiligence;
            if (read is not null) rest.AccessLog.ProviderRead(urn, read);
        }

        return ProviderResource.From(setting, ProviderStandingView.Of(setting, rest.Caller, today), record);
    }

}
