using ApGrid.Api.GraphQL.Views;

namespace ApGrid.Api.Rest;

/// <summary>A setting's register of one day as REST shows it: pupils by id, codes as the register writes them.</summary>
public sealed record RegisterResource(string Urn, DateOnly Date, IReadOnlyList<RegisterRowResource> Rows)
{
    public static RegisterResource From(RegisterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Urn, view.Date, [.. view.Rows.Select(r => new RegisterRowResource(
            r.Pupil.Snapshot.Id,
            r.PlacementId,
            EnumNames<Session>.NameOf(r.Session),
            r.Mark is { } m ? AttendanceCodes.CodeOf(m.Code, m.Session) : null,
            r.Mark is { } n ? EnumNames<AttendanceCode>.NameOf(n.Code) : null,
            r.Mark?.RecordedAt,
            r.Alert is not null))]);
    }
}

/// <summary>One pupil and session: code null until marked; mark is the code's GraphQL name (PRESENT).</summary>
public sealed record RegisterRowResource(string PupilId, string PlacementId, string Session, string? Code, string? Mark, DateTimeOffset? MarkedAt, bool NotArrived);
