namespace ApGrid.Domain.Gias;

/// <summary>
/// A GIAS file that cannot be read as published: the line and column (both from 1, counting
/// physical lines, so a quoted field spanning lines does not shift later numbers) point at the fault.
/// </summary>
public sealed class GiasFileException : Exception
{
    public GiasFileException(int line, int column, string message)
        : base($"Line {line}, column {column}: {message}")
    {
        Line = line;
        Column = column;
        Reason = message;
    }

    public int Line { get; }

    public int Column { get; }

    public string Reason { get; }

    /// <summary>Which file: "establishments" or "links", in the words of the command's options and the upload's parts.</summary>
    public string File { get; init; } = "establishments";

    /// <summary>As a validation error on <paramref name="field"/> (the upload's or command's file argument).</summary>
    public DomainError ToError(string field) => DomainError.Validation(field, Message);
}
