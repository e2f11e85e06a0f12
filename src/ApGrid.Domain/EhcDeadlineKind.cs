namespace ApGrid.Domain;

/// <summary>Every statutory deadline an EHC case can owe (SEND Regulations 2014, SEND Code of Practice).</summary>
public enum EhcDeadlineKind
{
    /// <summary>Decision whether to assess: 6 weeks from the request (reg 4(2)).</summary>
    Decision,

    /// <summary>Notice of a decision not to issue a plan: 16 weeks from the request (reg 10(1)).</summary>
    NotIssueNotice,

    /// <summary>Final plan: 20 weeks from the request (reg 13(2)).</summary>
    Final,

    /// <summary>Annual review meeting: 12 months after the plan, then after each review (reg 18).</summary>
    AnnualReview,

    /// <summary>The LA's decision after a review meeting: 4 weeks (reg 20(10)).</summary>
    ReviewDecision,

    /// <summary>Review and amended plan before a phase transfer: 15 February of the transfer year (reg 18(1)(a)).</summary>
    PhaseTransfer,
}
