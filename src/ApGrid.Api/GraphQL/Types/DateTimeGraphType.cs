using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>The contract's DateTime: an ISO 8601 instant with offset.</summary>
public sealed class DateTimeGraphType : DateTimeOffsetGraphType
{
    public DateTimeGraphType()
    {
        Name = "DateTime";
        Description = null;
    }
}
