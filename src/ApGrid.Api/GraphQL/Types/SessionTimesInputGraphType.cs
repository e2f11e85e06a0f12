using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SessionTimesInputGraphType : InputObjectGraphType
{
    public SessionTimesInputGraphType()
    {
        Name = "SessionTimesInput";
        Description = "When the setting's sessions run, HH:mm (24-hour), the same each weekday; e.g. 09:00–12:00 and 13:00–15:30.";
        Field<NonNullGraphType<StringGraphType>>("morningStart");
        Field<NonNullGraphType<StringGraphType>>("morningEnd");
        Field<NonNullGraphType<StringGraphType>>("afternoonStart");
        Field<NonNullGraphType<StringGraphType>>("afternoonEnd");
    }
}
