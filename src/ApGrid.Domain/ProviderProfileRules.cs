namespace ApGrid.Domain;

/// <summary>What an AP provider's profile must say to be created or changed.</summary>
public static class ProviderProfileRules
{
    public const int MaxContacts = 20;

    /// <summary>
    /// A school (PRU, academy, free or independent school) has a DfE URN; non-school AP has none
    /// (the LA gives it a local reference instead) and may have a UKPRN. Key stages: at least one,
    /// never post-16. Contacts: each named, with a way to reach them.
    /// </summary>
    public static DomainError? Check(
        string name, ApSettingType type, bool localReference, string? ukprn, IReadOnlyCollection<KeyStage> keyStages,
        double latitude, double longitude, IReadOnlyCollection<ProviderContact> contacts)
    {
        ArgumentNullException.ThrowIfNull(keyStages);
        var named = CheckNameAndLocation(name, latitude, longitude);
        if (named is not null) return named;
        if (localReference && ApTypes.Of(type) != ApType.NonSchool)
        {
            return DomainError.Validation("urn", "A school (every type but UNREGISTERED_PROVIDER) is created under its DfE URN.");
        }

        if (ukprn is not null && !Ukprn.IsValid(ukprn)) return DomainError.Validation("ukprn", "ukprn must be 8 digits starting with 1.");
        if (keyStages.Count == 0) return DomainError.Validation("keyStages", "keyStages must name at least one key stage.");
        if (keyStages.Contains(KeyStage.Post16)) return DomainError.Validation("keyStages", "POST16 is not a key stage of compulsory schooling; AP settings serve EYFS to KS4.");
        return CheckContacts(contacts);
    }

    /// <summary>What every provider's profile needs, special schools' included: a name and a place in the UK.</summary>
    public static DomainError? CheckNameAndLocation(string name, double latitude, double longitude)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) return DomainError.Validation("name", "name must be 1 to 200 characters.");
        return latitude is < 49 or > 61 || longitude is < -9 or > 3
            ? DomainError.Validation("location", "location must be in the UK (latitude 49 to 61, longitude -9 to 3).")
            : null;
    }

    public static DomainError? CheckContacts(IReadOnlyCollection<ProviderContact> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        if (contacts.Count > MaxContacts) return DomainError.Validation("contacts", $"contacts may list at most {MaxContacts} people.");
        foreach (var contact in contacts)
        {
            if (string.IsNullOrWhiteSpace(contact.Name)) return DomainError.Validation("contacts", "Every contact needs a name.");
            if (string.IsNullOrWhiteSpace(contact.Email) && string.IsNullOrWhiteSpace(contact.Phone))
            {
                return DomainError.Validation("contacts", $"{contact.Name} needs an email or a phone number.");
            }

            if (contact.Email is { } email && !string.IsNullOrWhiteSpace(email) && !email.Contains('@', StringComparison.Ordinal))
            {
                return DomainError.Validation("contacts", $"{contact.Name}'s email is not an email address.");
            }
        }

        return null;
    }
}
