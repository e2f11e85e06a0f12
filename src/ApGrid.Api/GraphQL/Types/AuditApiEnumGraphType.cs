using ApGrid.Api.Audit;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Spelled out rather than derived: the derived constant case of GraphQLHttp would be unreadable.</summary>
public sealed class AuditApiEnumGraphType : EnumerationGraphType
{
    public AuditApiEnumGraphType()
    {
        Name = "AuditApi";
        Description = "The API an access came through.";
        foreach (var channel in Enum.GetValues<AuditChannel>()) Add(AuditNames.NameOf(channel), channel);
    }
}
