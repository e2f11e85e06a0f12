using ApGrid.Api.GraphQL.Views;
using ApGrid.Api.Rest;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ApTypeCountsGraphType : ObjectGraphType<ApTypeCountsView>
{
    public ApTypeCountsGraphType()
    {
        Name = "ApTypeCounts";
        Field<NonNullGraphType<ApTypeEnumGraphType>>("apType").Resolve(c => EnumNames<ApType>.TryParse(c.Source.ApType, out var type) ? type : null);
        Field<IntGraphType>("pupils").Resolve(c => c.Source.Pupils);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("byAge")
            .Description("key = age on 31 August before the census day's academic year; 4_AND_UNDER holds every age up to 4.")
            .Resolve(c => c.Source.ByAge);
    }
}
