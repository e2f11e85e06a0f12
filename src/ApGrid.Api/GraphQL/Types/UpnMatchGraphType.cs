using ApGrid.Api.GraphQL.Views;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class UpnMatchGraphType : ObjectGraphType<UpnMatch>
{
    public UpnMatchGraphType()
    {
        Name = "UpnMatch";
        Description = "A school registered a pupil with a UPN another record of the LA holds. The school was answered as for any new UPN; the LA decides (resolveUpnMatch).";
        Field<NonNullGraphType<StringGraphType>>("upn").Resolve(c => c.Source.Upn);
        Field<PupilGraphType>("pupil")
            .Description("The school's new registration; null once the LA has decided (it is withdrawn either way).")
            .ResolveAsync(async c => await PupilAsync(c, c.Source.PupilId));
        Field<PupilGraphType>("existingPupil")
            .Description("The record that already held the UPN.")
            .ResolveAsync(async c => await PupilAsync(c, c.Source.ExistingPupilId));
        Field<NonNullGraphType<StringGraphType>>("schoolUrn").Description("The school that registered the new pupil.").Resolve(c => c.Source.SchoolUrn);
        Field<NonNullGraphType<StringGraphType>>("registeredBy").Resolve(c => c.Source.RegisteredBy);
        Field<NonNullGraphType<DateTimeGraphType>>("registeredAt").Resolve(c => c.Source.RegisteredAt);
        Field<UpnMatchDecisionEnumGraphType>("decision").Description("Null while the match waits for the LA.").Resolve(c => c.Source.Decision);
        Field<StringGraphType>("decidedBy").Resolve(c => c.Source.DecidedBy);
        Field<DateTimeGraphType>("decidedAt").Resolve(c => c.Source.DecidedAt);
    }

    private static async Task<PupilView?> PupilAsync(IResolveFieldContext context, string pupilId) =>
        await context.TenantGrain<IPupilGrain>(pupilId).GetAsync() is { } snapshot ? new PupilView(snapshot, UpnVisible: true) : null;
}

public sealed class UpnMatchDecisionEnumGraphType : EnumerationGraphType<UpnMatchDecision>
{
    public UpnMatchDecisionEnumGraphType()
    {
        Name = "UpnMatchDecision";
        Description = "TRANSFER: the same child, moving to the registering school (the existing record moves there). REJECT: not accepted. Either way the new registration is withdrawn.";
    }
}

/// <summary>The LA's UPN-match worklist: only LA officers see it, since a match tells that a child is known.</summary>
public static class UpnMatchFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UpnMatchGraphType>>>>("upnMatches")
            .Description("LA officers only: schools' registrations whose UPN another record held, oldest first; open ones only unless all is true.")
            .Argument<BooleanGraphType>("all")
            .ResolveAsync(async c =>
            {
                PupilAccess.RequireLa(c.Caller());
                var matches = await c.Grains().GetGrain<ILocalAuthorityGrain>(c.Caller().Tenant).GetUpnMatchesAsync();
                return c.GetArgument<bool?>("all") == true ? matches : [.. matches.Where(m => m.Decision is null)];
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<UpnMatchGraphType>>("resolveUpnMatch")
            .Description("LA officers only: decides a UPN match. The school's registration is withdrawn (it must have no referrals, placements or other records yet); TRANSFER also moves the existing record to the school.")
            .Argument<NonNullGraphType<IdGraphType>>("pupilId", "The school's new registration (UpnMatch.pupil).")
            .Argument<NonNullGraphType<UpnMatchDecisionEnumGraphType>>("decision")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                PupilAccess.RequireLa(caller);
                var pupilId = c.GetArgument<string>("pupilId");
                if (!PupilIds.IsWellFormed(pupilId)) throw ApGridError.NotFound("pupilId", "UPN match");
                var result = await c.TenantGrain<IPupilGrain>(pupilId).ResolveUpnMatchAsync(c.GetArgument<UpnMatchDecision>("decision"), PlacementMutations.ActorOf(caller));
                return result.Value ?? throw ApGridError.From(result.Error!);
            });
    }
}
