namespace ApGrid.Grains.Abstractions;

/// <summary>The answer to a command: the value when it was accepted, otherwise the error and nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.CommandResult`1")]
public sealed record CommandResult<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] CommandError? Error)
{
    public bool Succeeded => Error is null;

    public static CommandResult<T> Ok(T value) => new(value, null);

    public static CommandResult<T> Fail(CommandError error) => new(default, error);

    public static CommandResult<T> Fail(DomainError error) => new(default, CommandError.From(error));
}
