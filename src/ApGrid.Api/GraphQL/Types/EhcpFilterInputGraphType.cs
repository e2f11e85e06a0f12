using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class EhcpFilterInputGraphType : InputObjectGraphType
{
    public EhcpFilterInputGraphType()
    {
        Name = "EhcpFilter";
        Field<EhcpStageEnumGraphType>("stage");
        Field<BooleanGraphType>("overdueOnly");
        Field<StringGraphType>("schoolUrn");
        Field<EhcDeadlineKindEnumGraphType>("deadlineKind").Description("Cases still owing a deadline of this kind (overdue ones only with overdueOnly).");
    }
}
