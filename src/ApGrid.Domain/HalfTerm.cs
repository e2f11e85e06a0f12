namespace ApGrid.Domain;

/// <summary>One half-term: the first and last day of teaching, both inclusive.</summary>
public sealed record HalfTerm(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
