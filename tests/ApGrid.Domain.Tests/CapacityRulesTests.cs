using ApGrid.Domain;
using CsCheck;

namespace ApGrid.Domain.Tests;

public sealed class CapacityRulesTests
{
    private static readonly Dictionary<Session, int> NoSessions = [];

    private static Dictionary<Session, int> Each(int places) => Sessions.All.ToDictionary(s => s, _ => places);

    // ValidateRequest

    [Fact]
    public void Full_time_request_without_sessions_is_valid()
    {
        Assert.Null(CapacityRules.ValidateRequest(CapacityRequest.ForFullTime()));
        Assert.Null(CapacityRules.ValidateRequest(new CapacityRequest(true, null!)));
    }

    [Fact]
    public void Full_time_request_with_sessions_is_invalid()
    {
        var error = CapacityRules.ValidateRequest(new CapacityRequest(true, [Session.MonAm]));

        Expect.Is(error, ErrorCode.Validation, "sessions");
    }

    [Fact]
    public void Part_time_request_needs_at_least_one_session()
    {
        Expect.Is(CapacityRules.ValidateRequest(CapacityRequest.ForSessions()), ErrorCode.Validation, "sessions");
        Expect.Is(CapacityRules.ValidateRequest(new CapacityRequest(false, null!)), ErrorCode.Validation, "sessions");
    }

    [Fact]
    public void Part_time_request_for_one_or_all_ten_sessions_is_valid()
    {
        Assert.Null(CapacityRules.ValidateRequest(CapacityRequest.ForSessions(Session.WedPm)));
        Assert.Null(CapacityRules.ValidateRequest(new CapacityRequest(false, Sessions.All)));
    }

    [Fact]
    public void Duplicate_session_is_rejected_by_name()
    {
        var error = CapacityRules.ValidateRequest(CapacityRequest.ForSessions(Session.MonAm, Session.TuePm, Session.TuePm));

        Expect.Is(error, ErrorCode.Validation, "sessions");
        Assert.Contains("TUE_PM", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eleven_sessions_are_rejected()
    {
        var error = CapacityRules.ValidateRequest(new CapacityRequest(false, [.. Sessions.All, Session.MonAm]));

        Expect.Is(error, ErrorCode.Validation, "sessions");
    }

    [Fact]
    public void Undefined_session_is_rejected()
    {
        Expect.Is(CapacityRules.ValidateRequest(CapacityRequest.ForSessions((Session)42)), ErrorCode.Validation, "sessions");
    }

    [Fact]
    public void Null_request_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => CapacityRules.ValidateRequest(null!));
    }

    // CheckReservation

    [Fact]
    public void Full_time_request_needs_one_free_full_time_place()
    {
        Assert.Null(CapacityRules.CheckReservation(1, NoSessions, CapacityRequest.ForFullTime()));

        var error = CapacityRules.CheckReservation(0, Each(5), CapacityRequest.ForFullTime());
        Expect.Is(error, ErrorCode.CapacityExhausted, "fullTime");
    }

    [Fact]
    public void Negative_free_places_count_as_none()
    {
        Expect.Is(CapacityRules.CheckReservation(-3, NoSessions, CapacityRequest.ForFullTime()), ErrorCode.CapacityExhausted, "fullTime");
    }

    [Fact]
    public void Part_time_request_does_not_use_full_time_places()
    {
        Assert.Null(CapacityRules.CheckReservation(0, Each(1), CapacityRequest.ForSessions(Session.MonAm, Session.FriPm)));
    }

    [Fact]
    public void Part_time_request_names_every_exhausted_session_in_week_order()
    {
        var free = Each(2);
        free[Session.ThuAm] = 0;
        free.Remove(Session.MonPm);

        var error = CapacityRules.CheckReservation(
            10,
            free,
            CapacityRequest.ForSessions(Session.ThuAm, Session.MonAm, Session.MonPm));

        Expect.Is(error, ErrorCode.CapacityExhausted, "sessions");
        Assert.Contains("MON_PM, THU_AM", error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MON_AM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_exhausted_session_is_named()
    {
        var error = CapacityRules.CheckReservation(0, NoSessions, CapacityRequest.ForSessions(Session.WedAm));

        Expect.Is(error, ErrorCode.CapacityExhausted, "sessions");
        Assert.Contains("WED_AM", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_request_is_reported_before_capacity()
    {
        var error = CapacityRules.CheckReservation(0, Each(1), CapacityRequest.ForSessions(Session.MonAm, Session.MonAm));

        Expect.Is(error, ErrorCode.Validation, "sessions");
    }

    [Fact]
    public void CheckReservation_never_allows_more_places_than_are_free()
    {
        var genFree = Gen.Select(Gen.Int[-2, 3], Gen.Int[-2, 3].Array[Sessions.Count], (fullTime, perSession) => (fullTime, perSession));
        var genRequest = Gen.Select(Gen.Bool, Gen.Enum<Session>().Array[0, 12], (fullTime, sessions) => new CapacityRequest(fullTime, sessions));

        Gen.Select(genFree, genRequest).Sample((free, request) =>
        {
            var sessionFree = Sessions.All.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => free.perSession[x.i]);

            var error = CapacityRules.CheckReservation(free.fullTime, sessionFree, request);

            if (error is null)
            {
                if (request.FullTime)
                {
                    Assert.Empty(request.Sessions);
                    Assert.True(free.fullTime >= 1);
                }
                else
                {
                    Assert.NotEmpty(request.Sessions);
                    foreach (var group in request.Sessions.GroupBy(s => s))
                    {
                        Assert.True(group.Count() <= sessionFree[group.Key], $"{group.Key}: needs {group.Count()}, free {sessionFree[group.Key]}");
                    }
                }
            }
        });
    }

    [Fact]
    public void CheckReservation_allows_every_valid_request_that_fits()
    {
        var genSessions = Gen.Enum<Session>().Array[1, 10].Select(s => s.Distinct().ToArray());
        var genRequest = Gen.Frequency((1, Gen.Const(CapacityRequest.ForFullTime())), (3, genSessions.Select(s => new CapacityRequest(false, s))));

        Gen.Select(genRequest, Gen.Int[1, 500]).Sample((request, free) =>
            Assert.Null(CapacityRules.CheckReservation(free, Each(free), request)));
    }

    [Fact]
    public void CheckReservation_refusal_always_names_an_exhausted_session()
    {
        var genSessions = Gen.Enum<Session>().Array[1, 10].Select(s => s.Distinct().ToArray());
        var genFree = Gen.Int[0, 2].Array[Sessions.Count];

        Gen.Select(genSessions, genFree).Sample((sessions, freeCounts) =>
        {
            var sessionFree = Sessions.All.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => freeCounts[x.i]);

            var error = CapacityRules.CheckReservation(0, sessionFree, new CapacityRequest(false, sessions));

            var exhausted = sessions.Where(s => sessionFree[s] == 0).ToList();
            if (exhausted.Count == 0)
            {
                Assert.Null(error);
            }
            else
            {
                Expect.Is(error, ErrorCode.CapacityExhausted, "sessions");
                Assert.All(exhausted, s => Assert.Contains(ContractNames.Of(s), error!.Message, StringComparison.Ordinal));
            }
        });
    }

    // ValidateAvailability

    [Fact]
    public void Availability_within_limits_and_above_use_is_valid()
    {
        Assert.Null(CapacityRules.ValidateAvailability(10, Each(5), 20, 10, Each(5), 20));
        Assert.Null(CapacityRules.ValidateAvailability(0, NoSessions, 0, 0, NoSessions, 0));
        Assert.Null(CapacityRules.ValidateAvailability(500, Each(500), 200, 0, NoSessions, 0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(501)]
    public void Full_time_places_must_be_0_to_500(int places)
    {
        Expect.Is(CapacityRules.ValidateAvailability(places, NoSessions, 0, 0, NoSessions, 0), ErrorCode.Validation, "fullTimePlaces");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(501)]
    public void Session_places_must_be_0_to_500(int places)
    {
        var sessionPlaces = new Dictionary<Session, int> { [Session.TueAm] = places };

        var error = CapacityRules.ValidateAvailability(0, sessionPlaces, 0, 0, NoSessions, 0);

        Expect.Is(error, ErrorCode.Validation, "sessions");
        Assert.Contains("TUE_AM", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_session_in_availability_is_rejected()
    {
        var sessionPlaces = new Dictionary<Session, int> { [(Session)12] = 1 };

        Expect.Is(CapacityRules.ValidateAvailability(0, sessionPlaces, 0, 0, NoSessions, 0), ErrorCode.Validation, "sessions");
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(200.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Outreach_hours_must_be_finite_and_0_to_200(double hours)
    {
        Expect.Is(CapacityRules.ValidateAvailability(0, NoSessions, hours, 0, NoSessions, 0), ErrorCode.Validation, "outreachHoursPerWeek");
    }

    [Fact]
    public void Full_time_places_cannot_drop_below_those_in_use()
    {
        var error = CapacityRules.ValidateAvailability(2, NoSessions, 0, 3, NoSessions, 0);

        Expect.Is(error, ErrorCode.Conflict, "fullTimePlaces");
        Assert.Equal("fullTimePlaces cannot be 2: 3 places are in use.", error!.Message);
    }

    [Fact]
    public void Conflict_message_uses_the_singular_for_one_place()
    {
        var error = CapacityRules.ValidateAvailability(0, NoSessions, 0, 1, NoSessions, 0);

        Assert.Equal("fullTimePlaces cannot be 0: 1 place is in use.", error!.Message);
    }

    [Fact]
    public void Session_places_cannot_drop_below_those_in_use_including_missing_sessions()
    {
        var used = new Dictionary<Session, int> { [Session.ThuPm] = 2 };

        var lowered = CapacityRules.ValidateAvailability(0, new Dictionary<Session, int> { [Session.ThuPm] = 1 }, 0, 0, used, 0);
        var omitted = CapacityRules.ValidateAvailability(0, NoSessions, 0, 0, used, 0);

        Expect.Is(lowered, ErrorCode.Conflict, "sessions");
        Assert.Contains("THU_PM", lowered!.Message, StringComparison.Ordinal);
        Assert.Contains("2 places are in use", lowered.Message, StringComparison.Ordinal);
        Expect.Is(omitted, ErrorCode.Conflict, "sessions");
    }

    [Fact]
    public void Outreach_hours_cannot_drop_below_those_in_use()
    {
        var error = CapacityRules.ValidateAvailability(0, NoSessions, 5.5, 0, NoSessions, 6);

        Expect.Is(error, ErrorCode.Conflict, "outreachHoursPerWeek");
        Assert.Equal("outreachHoursPerWeek cannot be 5.5: 6 hours are in use.", error!.Message);
    }

    [Fact]
    public void Range_errors_are_reported_before_conflicts()
    {
        Expect.Is(CapacityRules.ValidateAvailability(-1, NoSessions, 0, 3, NoSessions, 0), ErrorCode.Validation, "fullTimePlaces");
    }

    [Fact]
    public void ValidateAvailability_never_accepts_less_than_is_in_use()
    {
        var genCounts = Gen.Int[0, 6].Array[Sessions.Count];
        var gen = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 6], genCounts, genCounts, Gen.Int[0, 10], Gen.Int[0, 10]);

        gen.Sample((ftPlaces, ftUsed, placesArray, usedArray, hours, hoursUsed) =>
        {
            var places = Sessions.All.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => placesArray[x.i]);
            var used = Sessions.All.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => usedArray[x.i]);

            var error = CapacityRules.ValidateAvailability(ftPlaces, places, hours, ftUsed, used, hoursUsed);

            var fits = ftPlaces >= ftUsed && hours >= hoursUsed && Sessions.All.All(s => places[s] >= used[s]);
            Assert.Equal(fits, error is null);
            if (error is not null)
            {
                Assert.Equal(ErrorCode.Conflict, error.Code);
            }
        });
    }

    [Fact]
    public void A_session_named_twice_is_refused_on_sessions()
    {
        Expect.Is(CapacityRules.CheckDistinctSessions([Session.MonAm, Session.TueAm, Session.MonAm]), ErrorCode.Validation, "sessions");
        Assert.Null(CapacityRules.CheckDistinctSessions([Session.MonAm, Session.TueAm]));
    }

    [Fact]
    public void A_setting_refuses_a_key_stage_it_does_not_serve_on_apUrn()
    {
        Expect.Is(CapacityRules.CheckKeyStage("Hill PRU", [KeyStage.Ks3, KeyStage.Ks4], KeyStage.Ks2), ErrorCode.Validation, "apUrn");
        Assert.Null(CapacityRules.CheckKeyStage("Hill PRU", [KeyStage.Ks3, KeyStage.Ks4], KeyStage.Ks3));
    }

    [Fact]
    public void Outreach_hours_below_the_current_caseload_are_a_conflict()
    {
        Expect.Is(CapacityRules.CheckOutreachCaseload(OutreachCaseloadCap.Default, 4.9, 5), ErrorCode.Conflict, "outreachHoursPerWeek");
        Assert.Null(CapacityRules.CheckOutreachCaseload(OutreachCaseloadCap.Default, 5, 5));
        Assert.Null(CapacityRules.CheckOutreachCaseload(OutreachCaseloadCap.Default, 0, 0));
    }
}
