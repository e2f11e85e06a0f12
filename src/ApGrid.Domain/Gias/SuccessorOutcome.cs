namespace ApGrid.Domain.Gias;

public enum SuccessorOutcome
{
    /// <summary>No open establishment follows: the LA decides where the pupils go.</summary>
    None,

    /// <summary>Exactly one open establishment follows, however many conversions lie between.</summary>
    One,

    /// <summary>The school split, or the chain forks: the LA chooses among the successors.</summary>
    Ambiguous,
}
