using ApGrid.Api.Audit;
using ApGrid.Api.Auth;

namespace ApGrid.Api.GraphQL;

/// <summary>What every resolver of one request may use: the caller, fixed before execution starts, and the request's pupil access log.</summary>
public sealed class ApGridUserContext(Caller caller, AuditChannel channel) : Dictionary<string, object?>
{
    public Caller Caller { get; } = caller;

    public PupilAccessLog AccessLog { get; } = new(caller, channel);
}
