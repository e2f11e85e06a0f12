using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SenProvisionEnumGraphType : EnumerationGraphType<SenProvision>
{
    public SenProvisionEnumGraphType() => Name = "SenProvision";
}
