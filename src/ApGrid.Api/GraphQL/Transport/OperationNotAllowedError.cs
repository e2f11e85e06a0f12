using global::GraphQL.Validation;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>Reported by <see cref="OperationTypeRule"/>; the HTTP endpoint answers a GET that carries it with 405.</summary>
public sealed class OperationNotAllowedError : ValidationError
{
    public OperationNotAllowedError(string message) : base(message) { }

    public OperationNotAllowedError() : base("The transport cannot carry this operation.") { }

    public OperationNotAllowedError(string message, Exception innerException) : base(message, innerException) { }
}
