using ApGrid.Api.Auth;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// Whose request, exactly as sent: the tenant, role and setting the answer was computed for, and the
/// request body byte for byte. The token's subject is left out: an admitted answer holds nothing
/// that differs between two callers of the same role and setting, and nothing about it is audited.
/// </summary>
public sealed class CachedAnswerKey : IEquatable<CachedAnswerKey>
{
    private readonly byte[] body;
    private readonly int hash;

    public CachedAnswerKey(Caller caller, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(body);
        Tenant = caller.Tenant;
        Role = caller.Role;
        Urn = caller.Urn;
        this.body = body;
        var hashing = new HashCode();
        hashing.Add(Tenant, StringComparer.Ordinal);
        hashing.Add(Role);
        hashing.Add(Urn, StringComparer.Ordinal);
        hashing.AddBytes(body);
        hash = hashing.ToHashCode();
    }

    public string Tenant { get; }

    public Role Role { get; }

    public string? Urn { get; }

    public int Length => body.Length;

    public bool Equals(CachedAnswerKey? other) =>
        other is not null && hash == other.hash && Role == other.Role
        && string.Equals(Tenant, other.Tenant, StringComparison.Ordinal) && string.Equals(Urn, other.Urn, StringComparison.Ordinal)
        && body.AsSpan().SequenceEqual(other.body);

    public override bool Equals(object? obj) => Equals(obj as CachedAnswerKey);

    public override int GetHashCode() => hash;
}
