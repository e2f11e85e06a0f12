namespace ApGrid.Domain.Gias;

/// <summary>How a GIAS download was encoded; GIAS has published both.</summary>
public enum TextEncodingKind
{
    Utf8,
    Windows1252,
}
