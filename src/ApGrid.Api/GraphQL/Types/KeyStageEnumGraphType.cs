using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Spelled out because the automatic constant case would give KS_1 where the contract says KS1.</summary>
public sealed class KeyStageEnumGraphType : EnumerationGraphType
{
    public KeyStageEnumGraphType()
    {
        Name = "KeyStage";
        Add("EYFS", KeyStage.Eyfs);
        Add("KS1", KeyStage.Ks1);
        Add("KS2", KeyStage.Ks2);
        Add("KS3", KeyStage.Ks3);
        Add("KS4", KeyStage.Ks4);
        Add("POST_16", KeyStage.Post16, "Past Year 11: beyond compulsory school age, so no AP setting serves it.");
    }
}
