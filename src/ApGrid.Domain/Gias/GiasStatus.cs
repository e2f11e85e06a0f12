namespace ApGrid.Domain.Gias;

/// <summary>GIAS's EstablishmentStatus (name).</summary>
public enum GiasStatus
{
    Open,
    Closed,

    /// <summary>"Open, but proposed to close": still open until it closes.</summary>
    OpenProposedToClose,

    /// <summary>"Proposed to open": not yet a school a pupil can attend.</summary>
    ProposedToOpen,
}
