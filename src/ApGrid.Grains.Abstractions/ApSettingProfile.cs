namespace ApGrid.Grains.Abstractions;

/// <summary>What an AP setting is; its availability is kept apart because it changes daily.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ApSettingProfile")]
public sealed record ApSettingProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] ApSettingType Type,
    [property: Id(2)] bool Registered,
    [property: Id(3)] IReadOnlyList<KeyStage> KeyStages,
    [property: Id(4)] IReadOnlyList<NeedType> Specialisms,
    [property: Id(5)] Location Location,
    [property: Id(6)] SessionTimes? SessionTimes = null)
{
    /// <summary>The setting's own times, or the common AP day for a setting that has not published any.</summary>
    public SessionTimes Times => SessionTimes ?? Domain.SessionTimes.Default;

    /// <summary>The provider's UK Provider Reference Number, when it has one.</summary>
    [Id(7)] public string? Ukprn { get; init; }

    /// <summary>True when the key is a reference the LA gave a non-school provider, which has no DfE URN.</summary>
    [Id(8)] public bool LocalReference { get; init; }

    [Id(9)] public string? Address { get; init; }

    [Id(10)] public string? Postcode { get; init; }

    [Id(11)] public IReadOnlyList<ContactRecord> Contacts { get; init; } = [];

    /// <summary>
    /// The LA's approval as the provider's assurance grain last sent it (never set by a profile
    /// edit), so the standing travels with the setting wherever it appears: the capacity index and
    /// search, and the reservation that refuses a non-approved non-school provider.
    /// </summary>
    [Id(19)] public ProviderApproval? Approval { get; init; }

    /// <summary>The day GIAS says the setting closed (the GIAS import's to set; an LA edit keeps it).</summary>
    [Id(21)] public DateOnly? ClosedOn { get; init; }

    [Id(22)] public bool Closed { get; init; }

    /// <summary>PlacesPRU as GIAS gives it: what the DfE has on record, apart from the places the LA offers.</summary>
    [Id(23)] public int? GiasPlaces { get; init; }
}
