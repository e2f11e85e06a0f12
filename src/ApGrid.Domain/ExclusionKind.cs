namespace ApGrid.Domain;

/// <summary>The two exclusions the law knows (School Discipline Regulations 2012): a suspension is for a fixed number of sessions.</summary>
public enum ExclusionKind
{
    Suspension,
    PermanentExclusion,
}
