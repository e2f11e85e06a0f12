using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL.Types;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL;

/// <summary>The tenant's access registry through GraphQL: only an LA_ADMIN reads or changes it.</summary>
public static class AccessQueries
{
    public static void AddQueries(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessGrantGraphType>>>>("accessGrants")
            .Description("Who holds which role in this LA (LA_ADMIN only).")
            .ResolveAsync(async c => await Registry(c).ListAsync());
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyGraphType>>>>("apiKeys")
            .Description("The LA's managed API keys, live, expired and revoked (LA_ADMIN only). Keys in configuration are not listed.")
            .ResolveAsync(async c => await Registry(c).ApiKeysAsync());
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessChangeGraphType>>>>("accessHistory")
            .Description("Every grant, change and revocation, newest first (LA_ADMIN only).")
            .Argument<IntGraphType>("limit", a => a.DefaultValue = 100)
            .ResolveAsync(async c =>
            {
                var limit = c.GetArgument<int>("limit");
                if (limit is < 1 or > 1000) throw ApGridError.Validation("limit", "limit must be from 1 to 1000.");
                return await Registry(c).HistoryAsync(limit);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        AddApiKeyMutations(mutation);
        mutation.Field<NonNullGraphType<AccessGrantGraphType>>("grantAccess")
            .Description("Grants a role to a person by email or subject, or changes their grant (LA_ADMIN only). Recorded in accessHistory.")
            .Argument<NonNullGraphType<GrantAccessInputGraphType>>("input")
            .ResolveAsync(async c => await GrantAsync(c, c.GetArgument<Dictionary<string, object?>>("input")));
        mutation.Field<NonNullGraphType<AccessGrantGraphType>>("revokeAccess")
            .Description("Ends a grant at once (LA_ADMIN only): the person's next request is refused, an open subscription is closed within GraphQL:WebSocket:AccessRecheckInterval (30 s by default).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var result = await Registry(c).RevokeAsync(c.GetArgument<string>("id"), c.Caller().Subject);
                return result.Value ?? throw ApGridError.From(result.Error!);
            });
    }

    private static void AddApiKeyMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<NewApiKeyGraphType>>("createApiKey")
            .Description("A new PARTNER key for a partner system (LA_ADMIN only); its secret is in this answer only.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<Types.DateGraphType>("expiresOn", a => a.Description = "The last day the key works; absent: until revoked.")
            .ResolveAsync(async c =>
            {
                var expiresOn = c.GetArgument<DateOnly?>("expiresOn");
                var expiresAt = expiresOn is { } day ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
                return Shown(c, await Registry(c).CreateApiKeyAsync(c.GetArgument<string>("name"), expiresAt, c.Caller().Subject));
            });
        mutation.Field<NonNullGraphType<NewApiKeyGraphType>>("rotateApiKey")
            .Description("A new secret for a key's holder (LA_ADMIN only); the old secret keeps working for overlapHours, then expires.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IntGraphType>("overlapHours", a => a.DefaultValue = 24)
            .ResolveAsync(async c => Shown(c, await Registry(c).RotateApiKeyAsync(
                c.GetArgument<string>("id"), TimeSpan.FromHours(c.GetArgument<int>("overlapHours")), c.Caller().Subject)));
        mutation.Field<NonNullGraphType<ApiKeyGraphType>>("revokeApiKey")
            .Description("Ends a key at once (LA_ADMIN only): refused from the next request; an open subscription is closed within GraphQL:WebSocket:AccessRecheckInterval.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var result = await Registry(c).RevokeApiKeyAsync(c.GetArgument<string>("id"), c.Caller().Subject);
                return result.Value ?? throw ApGridError.From(result.Error!);
            });
    }

    private static (ApiKeyRecord Key, string Value) Shown(IResolveFieldContext context, CommandResult<NewApiKey> result)
    {
        var created = result.Value ?? throw ApGridError.From(result.Error!);
        return (created.Key, new ManagedApiKey(context.Caller().Tenant, created.Key.Id, created.Secret).ToString());
    }

    private static async Task<AccessGrant> GrantAsync(IResolveFieldContext context, Dictionary<string, object?> input)
    {
        var registry = Registry(context);
        var role = (Role)input["role"]!;
        var urn = input.GetValueOrDefault("urn") as string;
        var email = input.GetValueOrDefault("email") as string;
        if (RoleNames.NeedsUrn(role))
        {
            if (!Urn.TryParse(urn, out _)) throw ApGridError.Validation("urn", $"{RoleNames.NameOf(role)} acts for one setting: urn must be its 6-digit URN.");
            if (!await SettingExistsAsync(context, role, urn!)) throw ApGridError.NotFound("urn", RoleNames.NameOf(role) switch
            {
                "AP_STAFF" => "AP setting",
                "SPECIAL_SCHOOL_STAFF" => "special school",
                _ => "school",
            });
        }
        else if (urn is not null)
        {
            throw ApGridError.Validation("urn", $"{RoleNames.NameOf(role)} does not act for a setting: urn must be absent.");
        }

        var provider = context.RequestServices!.GetRequiredService<IssuerTokenHandler>().ProviderOf(context.Caller().Tenant);
        if (email is not null && provider is not null && !provider.AllowsEmail(email.Trim()))
        {
            throw ApGridError.Validation("email", $"email must be at one of this LA's domains: {string.Join(", ", provider.AllowedEmailDomains)}.");
        }

        var result = await registry.GrantAsync(email, input.GetValueOrDefault("subject") as string, RoleNames.NameOf(role), urn,
            input.GetValueOrDefault("expiresOn") as DateOnly?, context.Caller().Subject);
        return result.Value ?? throw ApGridError.From(result.Error!);
    }

    private static async Task<bool> SettingExistsAsync(IResolveFieldContext context, Role role, string urn) => role switch
    {
        Role.ApStaff => await context.TenantGrain<IApSettingGrain>(urn).GetCapacityAsync() is not null,
        Role.SpecialSchoolStaff => await context.TenantGrain<ISpecialSchoolGrain>(urn).GetAsync() is not null,
        _ => await context.TenantGrain<ISchoolGrain>(urn).GetProfileAsync() is not null,
    };

    private static IAccessRegistryGrain Registry(IResolveFieldContext context)
    {
        var caller = context.Caller();
        if (caller.Role != Role.LaAdmin) throw ApGridError.Forbidden("Only the LA's ApGrid administrators (LA_ADMIN) manage access.");
        return context.Grains().GetGrain<IAccessRegistryGrain>(caller.Tenant);
    }
}
