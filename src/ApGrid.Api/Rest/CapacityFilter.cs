namespace ApGrid.Api.Rest;

/// <summary>The query parameters shared by /ap-settings and /capacity, read into GraphQL's CapacitySearch.</summary>
internal static class CapacityFilter
{
    public static GraphQL.CapacitySearch Read(string? keyStage, string? need, string? fullTime, string[]? sessions, string? registeredOnly) => new(
        QueryValues.Enum<KeyStage>(keyStage, "keyStage"),
        QueryValues.Enum<NeedType>(need, "need"),
        QueryValues.Boolean(fullTime, "fullTime"),
        QueryValues.Enums<Session>(sessions, "sessions"),
        QueryValues.Boolean(registeredOnly, "registeredOnly") == true);

    public static RouteHandlerBuilder CapacityFilterParameters(this RouteHandlerBuilder builder) => builder
        .EnumParameter<KeyStage>("keyStage", "Only settings serving this key stage.")
        .EnumParameter<NeedType>("need", "Only settings specialising in this need.")
        .BooleanParameter("fullTime", "true: only settings with a full-time place free.")
        .EnumParameter<Session>("sessions", "Only settings with every one of these sessions free; repeat the parameter or separate with commas.", many: true)
        .BooleanParameter("registeredOnly", "true: only registered settings.");
}
