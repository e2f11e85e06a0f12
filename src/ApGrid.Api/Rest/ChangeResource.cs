namespace ApGrid.Api.Rest;

public sealed record ChangeResource(string Cursor, string Kind, DateTimeOffset At, string SubjectId)
{
    public static ChangeResource From(ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(ChangeCursor.Format(entry.Sequence), EnumNames<ChangeKind>.NameOf(entry.Kind), entry.At, entry.SubjectId);
    }
}
