using ApGrid.Api.Auth;
using ApGrid.Api.ChangeFeed;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ChangeGraphType : ObjectGraphType<ChangeEntry>
{
    public ChangeGraphType()
    {
        Name = "Change";
        Description = "One entry of the tenant's change feed.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Where this entry is, to pass as after. For LA officers the entry's sequence number (strictly increasing within a tenant); for other roles an opaque string made for the caller, that says nothing of the entries they do not see.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<ChangeCursors>().FormatAsync(c.Caller(), c.Source.Sequence));
        Field<NonNullGraphType<ChangeKindEnumGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("subjectId").Resolve(c => c.Source.SubjectId);
        Field<ChangeActionEnumGraphType>("action")
            .Description("What happened. Null only on entries stored before entries carried details.")
            .Resolve(c => c.Source.Detail?.Action);
        Field<StringGraphType>("summary")
            .Description("A short sentence for people. Summaries of pupils' changes name no pupil and carry no values.")
            .Resolve(c => Visible(c).Detail?.Summary);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldChangeGraphType>>>>("fields")
            .Description("The fields that changed, as the API names them, with old and new values. A caller who may not read the pupil gets the names with null values.")
            .Resolve(c => (Visible(c).Detail?.Fields ?? []).Select(f => new Views.FieldChangeView(f.Field, f.From, f.To)));
        Field<RoleEnumGraphType>("actorRole")
            .Description("The role of whoever made the change; null when the service made it (a deadline falling overdue).")
            .Resolve(c => RoleNames.TryParse(c.Source.Detail?.ActorRole, out var role) ? role : null);
        Field<DateGraphType>("dueOn").Description("For a deadline: the day it was due.").Resolve(c => c.Source.Detail?.DueOn);
    }

    /// <summary>Values of a pupil's change only for those who may read the pupil's record; exact capacity only for the LA.</summary>
    private static ChangeEntry Visible(IResolveFieldContext<ChangeEntry> context) =>
        context.Caller() is var caller && (caller.IsLaOfficer || caller.ActsFor(Role.ApStaff, context.Source.SubjectId)) ? context.Source : context.Source.OutsideLa();
}
