using ApGrid.Api.Auth;

namespace ApGrid.Api.Rest;

/// <summary>One feed entry as REST polling and webhooks send it, in the schema's words (see the Change type).</summary>
public sealed record ChangeResource(
    string Cursor, string Kind, DateTimeOffset At, string SubjectId,
    string? Action, string? Summary, IReadOnlyList<ChangeFieldResource> Fields, string? ActorRole, DateOnly? DueOn)
{
    /// <summary>The whole entry with the cursor given (a webhook's message id).</summary>
    public static ChangeResource From(ChangeEntry entry, string cursor)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var detail = entry.Detail;
        return new(
            cursor, EnumNames<ChangeKind>.NameOf(entry.Kind), entry.At, entry.SubjectId,
            detail is null ? null : EnumNames<ChangeAction>.NameOf(detail.Action), detail?.Summary,
            [.. (detail?.Fields ?? []).Select(f => new ChangeFieldResource(f.Field, f.From, f.To))],
            detail?.ActorRole, detail?.DueOn);
    }

    /// <summary>The entry as this caller may see it, with the cursor made for them: values of a pupil's change and exact capacity only for LA officers (and a setting's own staff for its capacity).</summary>
    public static ChangeResource For(Caller caller, ChangeEntry entry, string cursor)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(entry);
        return From(caller.IsLaOfficer || caller.ActsFor(Role.ApStaff, entry.SubjectId) ? entry : entry.OutsideLa(), cursor);
    }
}

/// <summary>One changed field; values are null where the caller may not see them, or where there was none.</summary>
public sealed record ChangeFieldResource(string Field, string? From, string? To);
