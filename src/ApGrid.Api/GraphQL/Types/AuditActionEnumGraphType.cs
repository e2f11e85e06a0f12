using ApGrid.Api.Audit;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AuditActionEnumGraphType : EnumerationGraphType
{
    public AuditActionEnumGraphType()
    {
        Name = "AuditAction";
        foreach (var action in Enum.GetValues<AuditAction>()) Add(AuditNames.NameOf(action), action);
    }
}
