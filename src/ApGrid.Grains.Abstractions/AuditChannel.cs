namespace ApGrid.Grains.Abstractions;

/// <summary>Which of our APIs the access came through.</summary>
public enum AuditChannel
{
    GraphQLHttp,
    GraphQLWs,
    Rest,
}
