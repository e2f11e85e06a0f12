namespace ApGrid.Grains.Abstractions;

/// <summary>A special school, keyed "{laCode}/{urn}".</summary>
[Alias("ApGrid.ISpecialSchoolGrain")]
public interface ISpecialSchoolGrain : IOutboxOwner
{
    [Alias("Create")]
    Task<bool> CreateAsync(SpecialSchoolProfile profile, int places, int placesTaken);

    [AlwaysInterleave, Alias("Get")]
    Task<SpecialSchoolSnapshot?> GetAsync();

    /// <summary>Replaces the school's name, designations and location; its places and waiting list stay.</summary>
    [Alias("UpdateProfile")]
    Task<CommandResult<SpecialSchoolSnapshot>> UpdateProfileAsync(SpecialSchoolProfile profile);

    /// <summary>What GIAS says of the school (name, needs as designations, location, references, closure); its places and waiting list stay.</summary>
    [Alias("RecordGias")]
    Task<CommandResult<SpecialSchoolSnapshot>> RecordGiasAsync(SpecialSchoolProfile profile);

    [Alias("SetPlaces")]
    Task<CommandResult<SpecialSchoolSnapshot>> SetPlacesAsync(int places);

    /// <summary>
    /// Called by the pupil, which checks eligibility; a pupil has at most one open entry per school.
    /// Idempotent by <paramref name="requestId"/>: a repeat gets the entry the first call made.
    /// </summary>
    [Alias("AddEntry")]
    Task<CommandResult<WaitingListEntryRecord>> AddEntryAsync(string pupilId, DateOnly addedOn, string requestId, bool parentalPreference = false, string? overrideReason = null);

    /// <summary>The open entries (waiting and offered), waiting ones in position order.</summary>
    [AlwaysInterleave, Alias("GetWaitingList")]
    Task<IReadOnlyList<WaitingListEntryRecord>> GetWaitingListAsync();

    [AlwaysInterleave, Alias("GetEntry")]
    Task<WaitingListEntryRecord?> GetEntryAsync(string entryId);

    /// <summary>Offers a free place; to anyone but the first waiting entry only with a reason.</summary>
    [Alias("OfferPlace")]
    Task<CommandResult<WaitingListEntryRecord>> OfferPlaceAsync(string entryId, string? reason);

    /// <summary>Accepting takes the offered place; declining gives it back. Repeating the same answer is harmless.</summary>
    [Alias("RespondToOffer")]
    Task<CommandResult<WaitingListEntryRecord>> RespondToOfferAsync(string entryId, bool accepted);

    /// <summary>Takes an open entry off the list (the pupil took a place elsewhere, or the add was undone); harmless when already closed.</summary>
    [Alias("RemoveEntry")]
    Task<CommandResult<WaitingListEntryRecord>> RemoveEntryAsync(string entryId);
}
