namespace ApGrid.Grains.Abstractions;

/// <summary>An AP setting, keyed "{laCode}/{urn}". It alone decides whether a place is free.</summary>
[Alias("ApGrid.IApSettingGrain")]
public interface IApSettingGrain : IOutboxOwner
{
    /// <summary>Creates the setting once; later calls leave it as it is and return false.</summary>
    [Alias("Create")]
    Task<bool> CreateAsync(ApSettingProfile profile, ApAvailability availability);

    /// <summary>Reads may interleave: they are answered from state as last written, never mid-change.</summary>
    [AlwaysInterleave, Alias("GetCapacity")]
    Task<ApCapacitySnapshot?> GetCapacityAsync();

    /// <summary>The placements holding a place now (active) or that held one before (ended).</summary>
    [AlwaysInterleave, Alias("GetPlacements")]
    Task<IReadOnlyList<PlacementRef>> GetPlacementsAsync(bool active);

    /// <summary>Replaces what the setting is (name, type, references, key stages, needs, address, contacts); its approval stays as the assurance grain last sent it.</summary>
    [Alias("UpdateProfile")]
    Task<CommandResult<ApCapacitySnapshot>> UpdateProfileAsync(ApSettingProfile profile);

    /// <summary>
    /// What GIAS says of the setting (name, type, references, key stages, needs, location, PRU places,
    /// closure); what the LA keeps (contacts, address, session times, places, approval) stays.
    /// </summary>
    [Alias("RecordGias")]
    Task<CommandResult<ApCapacitySnapshot>> RecordGiasAsync(ApSettingProfile profile);

    /// <summary>The setting's contacts only: what its own staff may change.</summary>
    [Alias("SetContacts")]
    Task<CommandResult<ApCapacitySnapshot>> SetContactsAsync(IReadOnlyList<ContactRecord> contacts);

    /// <summary>From the provider's assurance grain: an approval older than the one held changes nothing.</summary>
    [Alias("SetApproval")]
    Task SetApprovalAsync(ProviderApproval approval);

    [Alias("SetAvailability")]
    Task<CommandResult<ApCapacitySnapshot>> SetAvailabilityAsync(ApAvailability availability);

    /// <summary>Holds a place for a placement; a repeat with the same reservation id holds the same place.</summary>
    [Alias("ReservePlace")]
    Task<CommandResult<ApCapacitySnapshot>> ReservePlaceAsync(PlaceReservation reservation);

    /// <summary>Takes outreach hours for a request, within the setting's free hours and caseload cap; a retry for the same request is harmless.</summary>
    [Alias("AllocateOutreach")]
    Task<CommandResult<ApCapacitySnapshot>> AllocateOutreachAsync(string requestId, double hours);

    /// <summary>Changes the place held for a placement (same reservation id) in one step: amended sessions, a full-time place given up for sessions.</summary>
    [Alias("ChangePlace")]
    Task<CommandResult<ApCapacitySnapshot>> ChangePlaceAsync(PlaceReservation reservation);

    /// <summary>Gives a held place back; harmless to repeat, and for a reservation never held.</summary>
    [Alias("ReleasePlace")]
    Task<CommandResult<ApCapacitySnapshot>> ReleasePlaceAsync(string reservationId);
}
