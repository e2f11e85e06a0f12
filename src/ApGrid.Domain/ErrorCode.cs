namespace ApGrid.Domain;

/// <summary>The kinds of rule failure the domain reports; hosts map each one to a transport status.</summary>
public enum ErrorCode
{
    Validation,
    NotFound,
    Forbidden,
    CapacityExhausted,
    ConsentRequired,
    Conflict,
}
