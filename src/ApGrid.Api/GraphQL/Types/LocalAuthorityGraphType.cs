using ApGrid.Api.GraphQL.Views;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>
/// The caller's LA. Settings come from the live capacity index in one grain call however many
/// there are; schools and special schools are read from their grains in parallel, one call each.
/// </summary>
public sealed class LocalAuthorityGraphType : ObjectGraphType<LocalAuthorityProfile>
{
    public LocalAuthorityGraphType()
    {
        Name = "LocalAuthority";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementRouteEnumGraphType>>>>("consentRoutes")
            .Description("The routes on which this LA asks for parental consent before a placement starts (its policy).")
            .Resolve(c => c.Source.ConsentPolicy);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SchoolGraphType>>>>("schools").ResolveAsync(async c =>
        {
            var registry = await c.LocalAuthority().GetRegistryAsync();
            var profiles = await Task.WhenAll(registry.Schools.Select(s => c.TenantGrain<ISchoolGrain>(s.Urn).GetProfileAsync()));
            return registry.Schools.Zip(profiles)
                .Where(p => p.Second is not null)
                .Select(p => new SchoolView(p.First.Urn, p.Second!))
                .ToList();
        });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApSettingGraphType>>>>("apSettings")
            .ResolveAsync(async c => await c.LocalAuthority().GetCapacityIndexAsync());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SpecialSchoolGraphType>>>>("specialSchools").ResolveAsync(async c =>
        {
            var registry = await c.LocalAuthority().GetRegistryAsync();
            var snapshots = await Task.WhenAll(registry.SpecialSchools.Select(s => c.TenantGrain<ISpecialSchoolGrain>(s.Urn).GetAsync()));
            return snapshots.OfType<SpecialSchoolSnapshot>().ToList();
        });
    }
}
