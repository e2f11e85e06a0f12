using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>The school census exclusion reasons; each value's description gives its census code and the DfE's words.</summary>
public sealed class ExclusionReasonEnumGraphType : EnumerationGraphType<ExclusionReason>
{
    public ExclusionReasonEnumGraphType()
    {
        Name = "ExclusionReason";
        Description = "The school census exclusion reason (census code in each value's description).";
        foreach (var value in Values)
        {
            var reason = (ExclusionReason)value.Value!;
            value.Description = $"{ExclusionReasons.CensusCode(reason)}: {ExclusionReasons.Words(reason)}";
        }
    }
}
