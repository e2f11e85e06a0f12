using ApGrid.Api.Audit;

namespace ApGrid.Api.Rest;

public sealed record AuditEntryResource(
    string Cursor, DateTimeOffset At, string Subject, string Tenant, string Role, string PupilId, string Action, IReadOnlyList<string> What, string Api)
{
    public static AuditEntryResource From(AuditEntry entry, string tenant)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = entry.Record;
        return new(ChangeCursor.Format(entry.Sequence), entry.At, record.Subject, tenant, record.Role, record.PupilId,
            AuditNames.NameOf(record.Action), record.What, AuditNames.NameOf(record.Channel));
    }
}
