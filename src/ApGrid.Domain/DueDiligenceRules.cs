namespace ApGrid.Domain;

/// <summary>What a due-diligence record may say: evidence is dated no later than today, and a concern is resolved no earlier than raised.</summary>
public static class DueDiligenceRules
{
    /// <summary>Dates of things done (training, checks, visits); an insurance expiry is the one date that looks forward.</summary>
    public static DomainError? CheckDone(string field, DateOnly? on, DateOnly today) =>
        on is { } date && date > today ? DomainError.Validation(field, $"{field} cannot be after today ({today:yyyy-MM-dd}).") : null;

    public static DomainError? CheckConcern(string raisedField, DateOnly raisedOn, DateOnly? resolvedOn, DateOnly today) =>
        CheckDone(raisedField, raisedOn, today)
        ?? (resolvedOn is { } resolved && resolved < raisedOn
            ? DomainError.Validation("resolvedOn", "resolvedOn cannot be before the concern was raised.")
            : CheckDone("resolvedOn", resolvedOn, today));

    /// <summary>Approval needs the essentials the LA checks in person: a named DSL, vetting confirmed, insurance and a visit.</summary>
    public static DomainError? CheckApprovable(bool hasDsl, bool vettingConfirmed, bool insured, bool visited, bool unresolvedConcerns)
    {
        if (!hasDsl) return DomainError.Validation("decision", "A provider is approved only with a named designated safeguarding lead on its record.");
        if (!vettingConfirmed) return DomainError.Validation("decision", "A provider is approved only once enhanced DBS checks and the single central record are confirmed.");
        if (!insured) return DomainError.Validation("decision", "A provider is approved only with insurance in date.");
        if (!visited) return DomainError.Validation("decision", "A provider is approved only after a visit in person.");
        if (unresolvedConcerns) return DomainError.Validation("decision", "A provider with an unresolved concern is approved only with conditions (APPROVED_WITH_CONDITIONS).");
        return null;
    }
}
