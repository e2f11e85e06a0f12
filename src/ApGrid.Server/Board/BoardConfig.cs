namespace ApGrid.Server.Board;

/// <summary>
/// What the board's sign-in page needs to know: whether /dev/token exists and for which demo
/// tenants, and which tenants sign people in through their own provider (/auth/sign-in/{code}).
/// </summary>
public sealed record BoardConfig(bool DevSignIn, IReadOnlyList<BoardTenant> Tenants, IReadOnlyList<BoardTenant> Providers);
