namespace ApGrid.Api.Rest;

/// <summary>The query parameters shared by /ap-settings and /capacity, read into GraphQL's CapacitySearch.</summary>
internal static class CapacityFilter
{
    public static GraphQL.CapacitySearch Read(string? keyStage, string? need, string? fullTime, string[]? sessions, string? registeredOnly) => new(
        RequestValues.Enum<KeyStage>(keyStage, "keyStage"),
        RequestValues.Enum<NeedType>(need, "need"),
        RequestValues.Boolean(fullTime, "fullTime"),
        RequestValues.Enums<Session>(sessions, "sessions"),
        RequestValues.Boolean(registeredOnly, "registeredOnly") == true);

    public static RouteHandlerBuilder CapacityFilterParameters(this RouteHandlerBuilder builder) => builder
        .EnumParameter<KeyStage>("keyStage", "Only settings serving this key stage.")
        .EnumParameter<NeedType>("need", "Only settings specialising in this need.")
        .BooleanParameter("fullTime", "true: only settings with a full-time place free.")
        .EnumParameter<Session>("sessions", "Only settings with every one of these sessions free; repeat the parameter or separate with commas.", many: true)
        .BooleanParameter("registeredOnly", "true: only registered settings.");
}
