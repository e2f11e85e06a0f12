using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AccessGrantGraphType : ObjectGraphType<AccessGrant>
{
    public AccessGrantGraphType()
    {
        Name = "AccessGrant";
        Description = "What one person may do in this LA's ApGrid, granted by an LA_ADMIN.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("email").Description("The person's email (lower case), when the grant names them by email.").Resolve(c => c.Source.Email);
        Field<StringGraphType>("subject").Description("The person's subject at the LA's identity provider, when the grant names them by subject.").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<RoleEnumGraphType>>("role").Resolve(c => RoleOf(c.Source.Role));
        Field<StringGraphType>("urn").Description("The setting the role acts for (SCHOOL_STAFF, AP_STAFF, SPECIAL_SCHOOL_STAFF).").Resolve(c => c.Source.Urn);
        Field<DateGraphType>("expiresOn").Description("The last day the grant holds; null: until revoked.").Resolve(c => c.Source.ExpiresOn);
        Field<NonNullGraphType<StringGraphType>>("grantedBy").Resolve(c => c.Source.GrantedBy);
        Field<NonNullGraphType<DateTimeGraphType>>("grantedAt").Resolve(c => c.Source.GrantedAt);
    }

    internal static Auth.Role RoleOf(string name) => Auth.RoleNames.TryParse(name, out var role) ? role : throw new InvalidOperationException($"Unknown stored role {name}.");
}
