using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AttendanceTallyGraphType : ObjectGraphType<AttendanceTally>
{
    public AttendanceTallyGraphType()
    {
        Name = "AttendanceTally";
        Description = "Marked sessions by how they count. percent = attendedSessions / possibleSessions (one decimal place); null when nothing was possible.";
        Field<NonNullGraphType<IntGraphType>>("possibleSessions").Resolve(c => c.Source.Possible);
        Field<NonNullGraphType<IntGraphType>>("attendedSessions").Resolve(c => c.Source.Attended);
        Field<NonNullGraphType<IntGraphType>>("authorisedAbsences").Resolve(c => c.Source.AuthorisedAbsent);
        Field<NonNullGraphType<IntGraphType>>("unauthorisedAbsences").Resolve(c => c.Source.UnauthorisedAbsent);
        Field<NonNullGraphType<IntGraphType>>("notCountedSessions").Resolve(c => c.Source.NotCounted);
        Field<FloatGraphType>("percent").Resolve(c => c.Source.Percent);
    }
}
