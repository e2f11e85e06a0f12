namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.OutreachBoardState")]
public sealed class OutreachBoardState
{
    [Id(0)] public List<OutreachRequestRecord> Requests { get; set; } = [];

    /// <summary>
    /// Assignments of the round in progress, stored before any setting is asked: a round cut short
    /// resumes with the same settings, so hours a setting already took are never taken twice.
    /// </summary>
    [Id(1)] public List<OutreachAssignmentPlan> Pending { get; set; } = [];

    /// <summary>Messages a stored change still owes the change feed (<see cref="Outbox{TState}"/>).</summary>
    [Id(2)] public List<OutboxMessage> Outbox { get; set; } = [];
}
