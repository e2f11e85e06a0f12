namespace ApGrid.Domain;

/// <summary>Who arranges a placement, and so who starts it, reviews it and owes it.</summary>
public enum Commissioner
{
    School,
    La,
}
