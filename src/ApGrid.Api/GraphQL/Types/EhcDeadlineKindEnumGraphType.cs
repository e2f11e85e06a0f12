using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class EhcDeadlineKindEnumGraphType : EnumerationGraphType<EhcDeadlineKind>
{
    public EhcDeadlineKindEnumGraphType() => Name = "EhcDeadlineKind";
}
