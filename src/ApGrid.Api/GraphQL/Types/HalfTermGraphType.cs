using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class HalfTermGraphType : ObjectGraphType<HalfTermView>
{
    public HalfTermGraphType()
    {
        Name = "HalfTerm";
        Field<NonNullGraphType<HalfTermNameEnumGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<DateGraphType>>("startDate").Description("First day of the half-term.").Resolve(c => c.Source.Term.Start);
        Field<NonNullGraphType<DateGraphType>>("endDate").Description("Last day of the half-term (inclusive).").Resolve(c => c.Source.Term.End);
    }
}
