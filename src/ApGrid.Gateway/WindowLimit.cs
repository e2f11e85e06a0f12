namespace ApGrid.Gateway;

/// <summary>A fixed window: at most PermitLimit requests per Window, then 429 until the window turns.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
