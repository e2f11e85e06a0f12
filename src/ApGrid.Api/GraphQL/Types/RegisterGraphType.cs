using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class RegisterGraphType : ObjectGraphType<RegisterView>
{
    public RegisterGraphType()
    {
        Name = "Register";
        Description = "An AP setting's register of one day: a row per pupil expected and session (the placement's sessions on that weekday; all ten for a full-time place).";
        Field<NonNullGraphType<StringGraphType>>("urn").Resolve(c => c.Source.Urn);
        Field<NonNullGraphType<DateGraphType>>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegisterRowGraphType>>>>("rows").Resolve(c => c.Source.Rows);
    }
}
