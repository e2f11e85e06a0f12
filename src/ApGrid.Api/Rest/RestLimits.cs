namespace ApGrid.Api.Rest;

/// <summary>The "Rest:Limits" configuration section.</summary>
public sealed class RestLimits
{
    /// <summary>A request body larger than this is refused with 413 before it is read, or as soon as a body without a length passes it.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
