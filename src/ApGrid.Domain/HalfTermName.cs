namespace ApGrid.Domain;

/// <summary>The six half-terms of an English school year, in the order they fall.</summary>
public enum HalfTermName
{
    Autumn1,
    Autumn2,
    Spring1,
    Spring2,
    Summer1,
    Summer2,
}
