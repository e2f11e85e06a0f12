using ApGrid.Api.Auth;

namespace ApGrid.Api.Audit;

/// <summary>
/// The pupils one request touched, gathered while it runs and written to the tenant's audit trail in
/// one grain call when it ends: one entry per pupil per request, however many fields were read.
/// Resolvers run in parallel, so everything here is under a lock.
/// </summary>
public sealed class PupilAccessLog(Caller caller, AuditChannel channel)
{
    /// <summary>More names than this say nothing more to an auditor and only grow the trail.</summary>
    private const int MaxNamesPerEntry = 40;

    private readonly Lock gate = new();
    private readonly Dictionary<string, (AuditAction Action, SortedSet<string> What)> pending = new(StringComparer.Ordinal);

    // Providers' assurance records are audited like pupils' records, keyed apart so a URN never reads as a pupil id.
    private readonly Dictionary<string, (AuditAction Action, SortedSet<string> What)> providers = new(StringComparer.Ordinal);

    public Caller Caller => caller;

    public AuditChannel Channel => channel;

    public void Read(string pupilId, string what) => Note(pupilId, AuditAction.Read, what);

    public void Changed(string pupilId, string what) => Note(pupilId, AuditAction.Change, what);

    public void ProviderRead(string urn, string what) => Note(providers, urn, AuditAction.Read, what);

    public void ProviderChanged(string urn, string what) => Note(providers, urn, AuditAction.Change, what);

    /// <summary>
    /// Appends what was gathered since the last flush; a failure propagates, so data is not served
    /// unaudited. The grain factory is looked up only when there is something to append: a request
    /// that read no pupil needs no grain for its audit.
    /// </summary>
    public async Task FlushAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        List<AuditRecord> records;
        lock (gate)
        {
            if (pending.Count == 0 && providers.Count == 0) return;
            records =
            [
                .. pending.Select(p => new AuditRecord(caller.Subject, RoleNames.NameOf(caller.Role), p.Key, p.Value.Action, [.. p.Value.What], channel)),
                .. providers.Select(p => new AuditRecord(caller.Subject, RoleNames.NameOf(caller.Role), "", p.Value.Action, [.. p.Value.What], channel) { ProviderUrn = p.Key }),
            ];
            pending.Clear();
            providers.Clear();
        }

        var grains = services.GetRequiredService<IGrainFactory>();
        await TenantContext.RunAsync(caller.Tenant, () => grains.GetGrain<IAuditTrailGrain>(caller.Tenant).AppendAsync(records)).ConfigureAwait(false);
    }

    private void Note(string pupilId, AuditAction action, string what) => Note(pending, pupilId, action, what);

    private void Note(Dictionary<string, (AuditAction Action, SortedSet<string> What)> into, string id, AuditAction action, string what)
    {
        lock (gate)
        {
            if (!into.TryGetValue(id, out var entry))
            {
                entry = (action, new SortedSet<string>(StringComparer.Ordinal));
            }

            if (entry.What.Count < MaxNamesPerEntry) entry.What.Add(what);
            into[id] = (action == AuditAction.Change ? AuditAction.Change : entry.Action, entry.What);
        }
    }
}
