using global::GraphQL.Validation;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>A document over <see cref="DocumentLimits"/>: LIMIT_EXCEEDED, as the complexity analyzer's refusals.</summary>
public sealed class DocumentLimitError : ValidationError
{
    public DocumentLimitError(string message) : base(message) { }

    public DocumentLimitError() : base("The document is over a limit.") { }

    public DocumentLimitError(string message, Exception innerException) : base(message, innerException) { }
}
