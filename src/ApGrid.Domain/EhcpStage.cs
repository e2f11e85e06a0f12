namespace ApGrid.Domain;

public enum EhcpStage
{
    Requested,
    Assessing,
    DraftIssued,
    FinalIssued,
    NotAssessed,
    NotIssued,
}
