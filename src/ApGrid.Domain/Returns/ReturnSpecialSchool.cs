namespace ApGrid.Domain.Returns;

/// <summary>The special school a pupil accepted a place at, from the day the offer was accepted.</summary>
public sealed record ReturnSpecialSchool(ReturnSetting Setting, DateOnly From);
