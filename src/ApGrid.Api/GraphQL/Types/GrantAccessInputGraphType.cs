using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class GrantAccessInputGraphType : InputObjectGraphType
{
    public GrantAccessInputGraphType()
    {
        Name = "GrantAccessInput";
        Field<StringGraphType>("email").Description("The person's email at the LA's identity provider; or give subject instead.");
        Field<StringGraphType>("subject").Description("The person's subject (sub) at the LA's identity provider; or give email instead.");
        Field<NonNullGraphType<RoleEnumGraphType>>("role");
        Field<StringGraphType>("urn").Description("The setting, for SCHOOL_STAFF, AP_STAFF and SPECIAL_SCHOOL_STAFF; must be absent otherwise.");
        Field<DateGraphType>("expiresOn").Description("The last day the grant holds; absent: until revoked.");
    }
}
