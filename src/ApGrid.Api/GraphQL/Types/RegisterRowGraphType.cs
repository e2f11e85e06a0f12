using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class RegisterRowGraphType : ObjectGraphType<RegisterRowView>
{
    public RegisterRowGraphType()
    {
        Name = "RegisterRow";
        Field<NonNullGraphType<PupilGraphType>>("pupil").Resolve(c => c.Source.Pupil);
        Field<NonNullGraphType<IdGraphType>>("placementId").Resolve(c => c.Source.PlacementId);
        Field<NonNullGraphType<SessionEnumGraphType>>("session").Resolve(c => c.Source.Session);
        Field<AttendanceMarkGraphType>("mark").Description("Null until the session is marked.")
            .Resolve(c => c.Source.Mark is { } m ? new DatedMark(c.Source.Date, m.Session, m.Code) : null);
        Field<DateTimeGraphType>("markedAt").Resolve(c => c.Source.Mark?.RecordedAt);
        Field<NonNullGraphType<BooleanGraphType>>("notArrived").Description("A not-arrived alert was raised for this session (it stays raised if a mark comes later).")
            .Resolve(c => c.Source.Alert is not null);
    }
}
