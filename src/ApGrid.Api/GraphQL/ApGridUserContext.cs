using ApGrid.Api.Auth;

namespace ApGrid.Api.GraphQL;

/// <summary>What every resolver of one request may use: the caller, fixed before execution starts.</summary>
public sealed class ApGridUserContext(Caller caller) : Dictionary<string, object?>
{
    public Caller Caller { get; } = caller;
}
