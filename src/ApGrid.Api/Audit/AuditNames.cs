namespace ApGrid.Api.Audit;

/// <summary>The names both APIs show for the audit's enums, the same as GraphQL's enum values.</summary>
public static class AuditNames
{
    public static string NameOf(AuditChannel channel) => channel switch
    {
        AuditChannel.GraphQLHttp => "GRAPHQL_HTTP",
        AuditChannel.GraphQLWs => "GRAPHQL_WS",
        AuditChannel.CommandLine => "COMMAND_LINE",
        _ => "REST",
    };

    public static string NameOf(AuditAction action) => action == AuditAction.Change ? "CHANGE" : "READ";
}
