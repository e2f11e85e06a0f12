namespace ApGrid.Server.Board;

/// <summary>The Board section of configuration.</summary>
public sealed class BoardOptions
{
    /// <summary>
    /// Where the LA's identity provider signs users in; it must send them back to
    /// /#token=ACCESS_TOKEN. Null shows only the paste-a-token form (and the dev sign-in in Development).
    /// </summary>
    public string? SignInUrl { get; set; }
}
