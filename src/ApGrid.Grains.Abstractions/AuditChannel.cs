namespace ApGrid.Grains.Abstractions;

/// <summary>Which of our APIs the access came through.</summary>
public enum AuditChannel
{
    GraphQLHttp,
    GraphQLWs,
    Rest,

    /// <summary>The server's own command line (`ApGrid.Server export ...`), run by an operator of the LA.</summary>
    CommandLine,
}
