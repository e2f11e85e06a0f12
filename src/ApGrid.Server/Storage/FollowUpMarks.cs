namespace ApGrid.Server.Storage;

/// <summary>
/// The statements on ApGridFollowUps (Storage/Scripts/*/004-follow-ups.sql), the same text on
/// SQLite and PostgreSQL: both take <c>@name</c> parameters and <c>ON CONFLICT</c>.
/// </summary>
internal static class FollowUpMarks
{
    /// <summary>Keeps the first mark's time, so a grain that goes on changing still ages into the sweep.</summary>
    public const string Mark =
        "INSERT INTO ApGridFollowUps (ServiceId, GrainId, MarkedAt) VALUES (@ServiceId, @GrainId, @MarkedAt) ON CONFLICT (ServiceId, GrainId) DO NOTHING";

    public const string Unmark = "DELETE FROM ApGridFollowUps WHERE ServiceId = @ServiceId AND GrainId = @GrainId";

    public const string MarkedBefore =
        "SELECT GrainId FROM ApGridFollowUps WHERE ServiceId = @ServiceId AND MarkedAt <= @Before ORDER BY MarkedAt LIMIT @Limit";
}
