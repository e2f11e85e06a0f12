namespace ApGrid.Server.Board;

/// <summary>What the board's sign-in page needs to know: whether /dev/token exists, and for which demo tenants.</summary>
public sealed record BoardConfig(bool DevSignIn, IReadOnlyList<string> Tenants, string? SignInUrl);
