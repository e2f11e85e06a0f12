namespace ApGrid.Grains.Abstractions;

/// <summary>A grain whose stored changes can owe calls to other grains; the storage's sweep wakes it to make them.</summary>
[Alias("ApGrid.IFollowUpOwner")]
public interface IFollowUpOwner : IGrainWithStringKey
{
    /// <summary>Makes whatever is still owed and clears what was made from storage.</summary>
    [Alias("ResumeFollowUps")]
    Task ResumeFollowUpsAsync();
}
