using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ApiKeyGraphType : ObjectGraphType<ApiKeyRecord>
{
    public ApiKeyGraphType()
    {
        Name = "ApiKey";
        Description = "A partner system's API key, managed by the LA's administrators. Its secret is never shown again after creation or rotation.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<RoleEnumGraphType>>("role").Description("What the key acts as: PARTNER.").Resolve(c => AccessGrantGraphType.RoleOf(c.Source.Role));
        Field<DateTimeGraphType>("expiresAt").Description("When the key stops working (a rotated key: the end of its overlap); null: until revoked.").Resolve(c => c.Source.ExpiresAt);
        Field<NonNullGraphType<StringGraphType>>("createdBy").Resolve(c => c.Source.CreatedBy);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeGraphType>("lastUsedAt").Description("When the key was last accepted, to the hour.").Resolve(c => c.Source.LastUsedAt);
        Field<DateTimeGraphType>("revokedAt").Resolve(c => c.Source.RevokedAt);
        Field<IdGraphType>("replacedBy").Description("The key that replaced this one by rotation.").Resolve(c => c.Source.ReplacedBy);
    }
}
