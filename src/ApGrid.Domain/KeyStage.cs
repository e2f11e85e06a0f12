namespace ApGrid.Domain;

public enum KeyStage
{
    Eyfs,
    Ks1,
    Ks2,
    Ks3,
    Ks4,

    /// <summary>Past Year 11: not a key stage of compulsory schooling, so no AP setting serves it.</summary>
    Post16,
}
