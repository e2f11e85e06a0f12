namespace ApGrid.Storage;

/// <summary>
/// The statements on ApGridOutboxIndex (Scripts/*/004-outbox-index.sql), the same text on
/// SQLite and PostgreSQL: both take <c>@name</c> parameters and <c>ON CONFLICT</c>.
/// </summary>
internal static class OutboxIndexStatements
{
    /// <summary>Keeps the first mark's time, so a grain that goes on changing still ages into the sweep.</summary>
    public const string Mark =
        "INSERT INTO ApGridOutboxIndex (ServiceId, GrainId, MarkedAt) VALUES (@ServiceId, @GrainId, @MarkedAt) ON CONFLICT (ServiceId, GrainId) DO NOTHING";

    public const string Unmark = "DELETE FROM ApGridOutboxIndex WHERE ServiceId = @ServiceId AND GrainId = @GrainId";

    public const string MarkedBefore =
        "SELECT GrainId FROM ApGridOutboxIndex WHERE ServiceId = @ServiceId AND MarkedAt <= @Before ORDER BY MarkedAt LIMIT @Limit";
}
