namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The LA's outreach requests and their allocations, keyed by LA code. Allocation runs here one
/// round at a time; each AP setting still checks its own hours and caseload as it takes a request.
/// </summary>
[Alias("ApGrid.IOutreachBoardGrain")]
public interface IOutreachBoardGrain : IOutboxOwner
{
    /// <summary>Records a request; the id and allocation of <paramref name="request"/> are ignored.</summary>
    [Alias("Request")]
    Task<CommandResult<OutreachRequestRecord>> RequestAsync(OutreachRequestRecord request);

    [AlwaysInterleave, Alias("GetRequests")]
    Task<IReadOnlyList<OutreachRequestRecord>> GetRequestsAsync();

    /// <summary>Allocates every open request that a setting can take whole, by the published priority; returns the requests allocated in this round.</summary>
    [Alias("Allocate")]
    Task<IReadOnlyList<OutreachRequestRecord>> AllocateAsync();
}
