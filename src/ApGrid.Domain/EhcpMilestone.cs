namespace ApGrid.Domain;

public enum EhcpMilestone
{
    DecisionToAssess,
    RefusedToAssess,
    DraftIssued,
    FinalIssued,
    NotIssued,
}
