namespace ApGrid.Domain;

public enum KeyStage
{
    Eyfs,
    Ks1,
    Ks2,
    Ks3,
    Ks4,
}
