using ApGrid.Api.Auth;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One request's access to one pupil's record or one provider's assurance record. Entries are never changed or removed.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => ChangeCursor.Format(c.Source.Sequence));
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("subject").Description("The token's subject.").Resolve(c => c.Source.Record.Subject);
        Field<NonNullGraphType<StringGraphType>>("tenant").Resolve(c => c.Caller().Tenant);
        Field<NonNullGraphType<RoleEnumGraphType>>("role").Resolve(c => RoleNames.TryParse(c.Source.Record.Role, out var role) ? role : (object?)null);
        Field<NonNullGraphType<IdGraphType>>("pupilId").Description("Empty for an entry about a provider's assurance record (providerUrn).").Resolve(c => c.Source.Record.PupilId);
        Field<StringGraphType>("providerUrn").Description("The provider whose assurance record (due diligence, decision) was read or changed; null for an entry about a pupil.")
            .Resolve(c => c.Source.Record.ProviderUrn);
        Field<NonNullGraphType<AuditActionEnumGraphType>>("action").Resolve(c => c.Source.Record.Action);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("what")
            .Description("The operations and fields of the pupil's record involved, e.g. Query.pupil's Pupil.initials.")
            .Resolve(c => c.Source.Record.What);
        Field<NonNullGraphType<AuditApiEnumGraphType>>("api").Resolve(c => c.Source.Record.Channel);
    }
}
