namespace ApGrid.Grains.Abstractions;

/// <summary>A refused command: what the caller can act on, never an internal detail.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.CommandError")]
public sealed record CommandError(
    [property: Id(0)] ErrorCode Code,
    [property: Id(1)] string Field,
    [property: Id(2)] string Message)
{
    public static CommandError From(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error.Code, error.Field, error.Message);
    }
}
