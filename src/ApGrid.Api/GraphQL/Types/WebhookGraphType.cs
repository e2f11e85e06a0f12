using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class WebhookGraphType : ObjectGraphType<WebhookStatus>
{
    public WebhookGraphType()
    {
        Name = "Webhook";
        Description = "An endpoint that receives the LA's changes as Standard Webhooks messages, in feed order, at least once.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(c => c.Source.Registration.Url);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeKindEnumGraphType>>>>("kinds").Resolve(c => c.Source.Registration.Kinds);
        Field<StringGraphType>("description").Resolve(c => c.Source.Registration.Description);
        Field<NonNullGraphType<DateTimeGraphType>>("registeredAt").Resolve(c => c.Source.RegisteredAt);
        Field<StringGraphType>("secret")
            .Description("The signing secret (whsec_...), given only in registerWebhook's answer: keep it then.")
            .Resolve(c => c.Source.Secret);
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("The last change delivered or passed over.").Resolve(c => ChangeCursor.Format(c.Source.Cursor));
        Field<NonNullGraphType<BooleanGraphType>>("enabled").Resolve(c => c.Source.DisabledAt is null);
        Field<DateTimeGraphType>("disabledAt").Description("Set when every retry of a change failed; enableWebhook resumes at that change.").Resolve(c => c.Source.DisabledAt);
        Field<NonNullGraphType<IntGraphType>>("failedAttempts").Description("Failed attempts at the next change to deliver.").Resolve(c => c.Source.FailedAttempts);
        Field<DateTimeGraphType>("nextAttemptAt").Resolve(c => c.Source.NextAttemptAt);
        Field<StringGraphType>("lastError").Resolve(c => c.Source.LastError);
        Field<DateTimeGraphType>("lastErrorAt").Resolve(c => c.Source.LastErrorAt);
        Field<NonNullGraphType<FloatGraphType>>("delivered").Description("Changes delivered so far.").Resolve(c => (double)c.Source.Delivered);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookDeliveryGraphType>>>>("deliveries")
            .Description("The latest attempts, newest first (at most 50).")
            .ResolveAsync(async c => await c.TenantGrain<IWebhookEndpointGrain>(c.Source.Id).GetDeliveriesAsync());
    }
}

public sealed class WebhookDeliveryGraphType : ObjectGraphType<WebhookDeliveryRecord>
{
    public WebhookDeliveryGraphType()
    {
        Name = "WebhookDelivery";
        Description = "One attempt to deliver one change.";
        Field<NonNullGraphType<StringGraphType>>("messageId").Description("webhook-id: the same on every attempt at the change.").Resolve(c => c.Source.MessageId);
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => ChangeCursor.Format(c.Source.Sequence));
        Field<NonNullGraphType<IntGraphType>>("attempt").Resolve(c => c.Source.Attempt);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<BooleanGraphType>>("succeeded").Resolve(c => c.Source.Succeeded);
        Field<IntGraphType>("statusCode").Resolve(c => c.Source.StatusCode);
        Field<StringGraphType>("error").Resolve(c => c.Source.Error);
        Field<NonNullGraphType<FloatGraphType>>("milliseconds").Resolve(c => c.Source.Milliseconds);
    }
}

public sealed class RegisterWebhookInputGraphType : InputObjectGraphType
{
    public RegisterWebhookInputGraphType()
    {
        Name = "RegisterWebhookInput";
        Field<NonNullGraphType<StringGraphType>>("url").Description("An https URL the LA controls or trusts; redirects are not followed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeKindEnumGraphType>>>>("kinds");
        Field<StringGraphType>("description");
    }
}

/// <summary>LA officers manage the LA's webhooks; no other role sees them (a secret and partner URLs are the LA's).</summary>
public static class WebhookFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookGraphType>>>>("webhooks")
            .Description("The LA's webhooks, with each one's state and last error (LA officers).")
            .ResolveAsync(async c =>
            {
                RequireLa(c);
                return await Registry(c).ListAsync();
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<WebhookGraphType>>("registerWebhook")
            .Description("Registers an endpoint for the changes stored from now on; the answer's secret is shown only here.")
            .Argument<NonNullGraphType<RegisterWebhookInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                RequireLa(c);
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var kinds = ((IEnumerable<object>)input["kinds"]!).Cast<ChangeKind>().ToList();
                var caller = c.Caller();
                var result = await Registry(c).RegisterAsync(new WebhookRegistration(
                    (string)input["url"]!, kinds, input.GetValueOrDefault("description") as string, caller.Subject));
                return result.Value ?? throw ApGridError.From(result.Error!);
            });
        mutation.Field<NonNullGraphType<WebhookGraphType>>("deleteWebhook")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => Answer(await Registry(RequireLa(c)).DeleteAsync(c.GetArgument<string>("id"))));
        mutation.Field<NonNullGraphType<WebhookGraphType>>("enableWebhook")
            .Description("Turns a disabled webhook on again; it resumes at the change it failed on.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => Answer(await Registry(RequireLa(c)).EnableAsync(c.GetArgument<string>("id"))));
    }

    private static IResolveFieldContext RequireLa(IResolveFieldContext context) =>
        context.Caller().IsLaOfficer ? context : throw ApGridError.Forbidden("Only LA officers manage the LA's webhooks.");

    private static IWebhookRegistryGrain Registry(IResolveFieldContext context) => context.Grains().GetGrain<IWebhookRegistryGrain>(context.Caller().Tenant);

    private static WebhookStatus Answer(CommandResult<WebhookStatus> result) =>
        result.Value ?? throw ApGridError.From(result.Error!);
}
