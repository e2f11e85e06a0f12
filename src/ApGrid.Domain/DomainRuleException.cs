namespace ApGrid.Domain;

/// <summary>
/// Carries a <see cref="DomainError"/> across code that cannot return one (constructors,
/// parsers), so the host can still map it to the same response as a returned error.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(DomainError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message)
    {
        Error = error;
    }

    public DomainError Error { get; }

    /// <summary>Lets callers of the error-returning rules opt into exceptions in one line.</summary>
    public static void ThrowIfError(DomainError? error)
    {
        if (error is not null)
        {
            throw new DomainRuleException(error);
        }
    }
}
