namespace ApGrid.Auth;

/// <summary>The names the board's server-side session shares between the node that serves it and the gateway in front.</summary>
public static class BoardSession
{
    /// <summary>The cookie scheme that reads the board's session.</summary>
    public const string Scheme = "BoardSession";

    /// <summary>HttpOnly, Secure, SameSite=Lax; it holds only the key of a session kept on the server.</summary>
    public const string CookieName = "apgrid.session";

    /// <summary>The header every state-changing request made with the session must carry: the CSRF token bound to the session.</summary>
    public const string CsrfHeader = "X-ApGrid-Csrf";

    /// <summary>The session's claim holding that CSRF token.</summary>
    public const string CsrfClaim = "apgrid_csrf";
}
