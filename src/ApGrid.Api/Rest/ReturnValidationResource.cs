namespace ApGrid.Api.Rest;

/// <summary>Why a return was not produced: every validation failure, by pupil.</summary>
public sealed record ReturnValidationResource(string Return, IReadOnlyList<ReturnFailureResource> Failures);
