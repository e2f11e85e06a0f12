using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class RequestOutreachInputGraphType : InputObjectGraphType
{
    public RequestOutreachInputGraphType()
    {
        Name = "RequestOutreachInput";
        Field<NonNullGraphType<StringGraphType>>("schoolUrn");
        Field<IdGraphType>("pupilId");
        Field<NonNullGraphType<StringGraphType>>("reason");
        Field<NonNullGraphType<IntGraphType>>("suspensionsThisTerm");
        Field<NonNullGraphType<FloatGraphType>>("hoursRequested");
        Field<NonNullGraphType<DateGraphType>>("requestedOn");
    }
}
