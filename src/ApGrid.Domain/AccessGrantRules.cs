namespace ApGrid.Domain;

/// <summary>
/// Who a grant of access names and until when. A grant names a person by their provider's subject
/// (exact) or by email (case-insensitive, as providers and people write addresses differently); it
/// holds until the end of its expiry day, or until revoked when it has none.
/// </summary>
public static class AccessGrantRules
{
    /// <summary>The email as grants store and compare it, or null when there is none.</summary>
    public static string? NormaliseEmail(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>Null when a grant may be made: one way of naming the person, a plausible email, an expiry after today.</summary>
    public static DomainError? Check(string? email, string? subject, DateOnly? expiresOn, DateOnly today)
    {
        var hasEmail = !string.IsNullOrWhiteSpace(email);
        var hasSubject = !string.IsNullOrWhiteSpace(subject);
        if (hasEmail == hasSubject) return DomainError.Validation("email", "Name the person by email or by subject, not both and not neither.");
        if (hasEmail && !IsEmail(email!.Trim())) return DomainError.Validation("email", "email must look like name@domain.");
        if (hasSubject && subject!.Length > 256) return DomainError.Validation("subject", "subject must be at most 256 characters.");
        if (expiresOn is { } end && end <= today) return DomainError.Validation("expiresOn", "expiresOn must be after today.");
        return null;
    }

    /// <summary>Whether a grant for this subject or email still holds on <paramref name="today"/>.</summary>
    public static bool Holds(string? grantEmail, string? grantSubject, DateOnly? expiresOn, string subject, string? email, DateOnly today) =>
        (expiresOn is null || today <= expiresOn)
        && ((grantSubject is not null && string.Equals(grantSubject, subject, StringComparison.Ordinal))
            || (grantEmail is not null && string.Equals(grantEmail, NormaliseEmail(email), StringComparison.Ordinal)));

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return value.Length <= 254 && at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1
            && !value.EndsWith('.') && !value.Any(char.IsWhiteSpace);
    }
}
