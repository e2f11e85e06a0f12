namespace ApGrid.Grains.Abstractions;

/// <summary>A grain with a transactional outbox; storage's outbox index wakes it after a crash to deliver what is pending.</summary>
[Alias("ApGrid.IOutboxOwner")]
public interface IOutboxOwner : IGrainWithStringKey
{
    /// <summary>Delivers whatever is pending and clears what was delivered from storage.</summary>
    [Alias("ResumeOutbox")]
    Task ResumeOutboxAsync();
}
