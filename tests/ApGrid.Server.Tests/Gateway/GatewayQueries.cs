namespace ApGrid.Server.Tests.Gateway;

internal static class GatewayQueries
{
    /// <summary>Every call appends one CAPACITY change to the tenant's feed.</summary>
    public const string SetAvailability = """
        mutation($urn: String!, $places: Int!) {
          setApAvailability(input: { urn: $urn, fullTimePlaces: $places, sessions: [
              { session: MON_AM, places: 9 }, { session: MON_PM, places: 9 }, { session: TUE_AM, places: 9 }, { session: TUE_PM, places: 9 },
              { session: WED_AM, places: 9 }, { session: WED_PM, places: 9 }, { session: THU_AM, places: 9 }, { session: THU_PM, places: 9 },
              { session: FRI_AM, places: 9 }, { session: FRI_PM, places: 9 }], outreachHoursPerWeek: 40 }) { fullTimePlaces }
        }
        """;
}
