namespace ApGrid.Grains.Abstractions;

/// <summary>Raised when a call's tenant is not the tenant that owns the grain it reaches.</summary>
[GenerateSerializer, Alias("ApGrid.TenantMismatchException")]
public sealed class TenantMismatchException : Exception
{
    public TenantMismatchException() { }

    public TenantMismatchException(string message) : base(message) { }

    public TenantMismatchException(string message, Exception innerException) : base(message, innerException) { }
}
