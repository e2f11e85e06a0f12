using ApGrid.Api.GraphQL.Views;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SchoolGraphType : ObjectGraphType<SchoolView>
{
    public SchoolGraphType()
    {
        Name = "School";
        Field<NonNullGraphType<StringGraphType>>("urn").Resolve(c => c.Source.Urn);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Profile.Name);
        Field<NonNullGraphType<GeoPointGraphType>>("location").Resolve(c => c.Source.Profile.Location);
        Field<NonNullGraphType<BooleanGraphType>>("closed").Description("GIAS lists the school as closed; its pupils follow its successor (see docs/data.md).").Resolve(c => c.Source.Profile.Closed);
        Field<DateGraphType>("closedOn").Description("The day GIAS says the school closed; null while open or when GIAS gives no date.").Resolve(c => c.Source.Profile.ClosedOn);
        Field<StringGraphType>("ukprn").Resolve(c => c.Source.Profile.Ukprn);
        Field<StringGraphType>("postcode").Resolve(c => c.Source.Profile.Postcode);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PupilGraphType>>>>("pupils")
            .ResolveAsync(async c =>
            {
                Access.RequireLaOrStaffOf(c.Caller(), Auth.Role.SchoolStaff, c.Source.Urn);

                var ids = await c.TenantGrain<ISchoolGrain>(c.Source.Urn).GetPupilIdsAsync();
                var pupils = await Task.WhenAll(ids.Select(id => c.TenantGrain<IPupilGrain>(id).GetAsync()));
                // A pupil who moved away leaves this roll through the outbox: until then the record says where they are.
                return pupils.OfType<PupilSnapshot>().Where(p => p.Record.HomeSchoolUrn == c.Source.Urn).Select(p => new PupilView(p, UpnVisible: true)).ToList();
            });
        this.AddConnectionFor<PupilGraphType>("pupils");
    }
}
