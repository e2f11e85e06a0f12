using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class KeyStageEnumGraphType : EnumerationGraphType<KeyStage>
{
    public KeyStageEnumGraphType() => Name = "KeyStage";
}
