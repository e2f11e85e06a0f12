using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class NotArrivedAlertGraphType : ObjectGraphType<NotArrivedAlertView>
{
    public NotArrivedAlertGraphType()
    {
        Name = "NotArrivedAlert";
        Description = "A pupil expected at a setting with no mark by the session's cut-off: to be followed up the same day.";
        Field<NonNullGraphType<PupilGraphType>>("pupil").Resolve(c => c.Source.Pupil);
        Field<NonNullGraphType<IdGraphType>>("placementId").Resolve(c => c.Source.Alert.PlacementId);
        Field<NonNullGraphType<StringGraphType>>("settingUrn").Resolve(c => c.Source.Alert.ApUrn);
        Field<NonNullGraphType<DateGraphType>>("date").Resolve(c => c.Source.Alert.Date);
        Field<NonNullGraphType<SessionEnumGraphType>>("session").Resolve(c => c.Source.Alert.Session);
        Field<NonNullGraphType<DateTimeGraphType>>("raisedAt").Resolve(c => c.Source.Alert.RaisedAt);
        Field<NonNullGraphType<StringGraphType>>("subjectId").Description("The subjectId of the change feed's NOT_ARRIVED entry for this alert.")
            .Resolve(c => c.Source.Alert.FeedSubject);
    }
}
