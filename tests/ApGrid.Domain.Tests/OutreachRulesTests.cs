using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class OutreachRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void A_complete_request_is_valid() =>
        Assert.Null(OutreachRules.ValidateRequest("Escalating incidents at lunch", 2, 2.5, Today, Today));

    [Theory]
    [InlineData("", 0, 1, 0, "reason")]
    [InlineData("ok", -1, 1, 0, "suspensionsThisTerm")]
    [InlineData("ok", 101, 1, 0, "suspensionsThisTerm")]
    [InlineData("ok", 0, 0, 0, "hoursRequested")]
    [InlineData("ok", 0, 1.25, 0, "hoursRequested")]
    [InlineData("ok", 0, 25.5, 0, "hoursRequested")]
    [InlineData("ok", 0, double.NaN, 0, "hoursRequested")]
    [InlineData("ok", 0, 1, 1, "requestedOn")]
    public void Bad_input_names_the_field(string reason, int suspensions, double hours, int daysAhead, string field) =>
        Expect.Is(OutreachRules.ValidateRequest(reason, suspensions, hours, Today.AddDays(daysAhead), Today), ErrorCode.Validation, field);

    [Fact]
    public void A_long_reason_is_refused() =>
        Expect.Is(OutreachRules.ValidateRequest(new string('x', 1001), 0, 1, Today, Today), ErrorCode.Validation, "reason");

    [Fact]
    public void The_setting_check_refuses_hours_past_its_free_hours_and_a_full_caseload()
    {
        Expect.Is(OutreachAllocator.Fits(5, 4, 1, 1.5, OutreachCaseloadCap.Default), ErrorCode.CapacityExhausted, "hoursRequested");
        Expect.Is(OutreachAllocator.Fits(5, 2.5, 5, 0.5, OutreachCaseloadCap.Default), ErrorCode.CapacityExhausted, "hoursRequested");
        Assert.Null(OutreachAllocator.Fits(5, 4, 4, 1, OutreachCaseloadCap.Default));
    }
}
