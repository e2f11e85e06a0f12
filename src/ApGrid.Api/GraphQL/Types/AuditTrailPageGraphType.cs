using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AuditTrailPageGraphType : ObjectGraphType<AuditTrailPage>
{
    public AuditTrailPageGraphType()
    {
        Name = "AuditTrailPage";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("entries").Resolve(c => c.Source.Entries);
        Field<NonNullGraphType<StringGraphType>>("nextCursor")
            .Description("Pass as after to continue; with a pupil filter it may lie past the last entry shown.")
            .Resolve(c => ChangeCursor.Format(c.Source.NextAfter));
        Field<NonNullGraphType<BooleanGraphType>>("hasMore").Resolve(c => c.Source.HasMore);
    }
}
