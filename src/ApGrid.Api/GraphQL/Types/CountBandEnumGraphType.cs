using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class CountBandEnumGraphType : EnumerationGraphType<CountBand>
{
    public CountBandEnumGraphType()
    {
        Name = "CountBand";
        Description = "A small number of children at one setting as shown outside the LA: FEWER_THAN_FIVE (zero included), FIVE_TO_NINE, TEN_TO_NINETEEN, TWENTY_OR_MORE.";
    }
}
