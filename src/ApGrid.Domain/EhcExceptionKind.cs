namespace ApGrid.Domain;

/// <summary>The circumstances SEND Regulations 2014 regs 5(4), 10(4) and 13(3) accept for missing a time limit.</summary>
public enum EhcExceptionKind
{
    /// <summary>Advice was asked of a school or college closed for 4 weeks or more around the request.</summary>
    SchoolClosure,

    /// <summary>Exceptional personal circumstances affect the child, the parent or the young person.</summary>
    ExceptionalPersonalCircumstances,

    /// <summary>The child, the parent or the young person was away from the LA's area for 4 weeks or more.</summary>
    Absence,
}
