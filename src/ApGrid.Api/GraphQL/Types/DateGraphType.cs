using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>The contract's Date: an ISO 8601 calendar date such as 2026-11-23.</summary>
public sealed class DateGraphType : DateOnlyGraphType
{
    public DateGraphType()
    {
        Name = "Date";
        Description = null;
    }
}
