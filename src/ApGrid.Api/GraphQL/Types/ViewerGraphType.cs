using ApGrid.Api.Auth;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ViewerGraphType : ObjectGraphType<Caller>
{
    public ViewerGraphType()
    {
        Name = "Viewer";
        Field<NonNullGraphType<StringGraphType>>("tenant").Resolve(c => c.Source.Tenant);
        Field<NonNullGraphType<RoleEnumGraphType>>("role").Resolve(c => c.Source.Role);
        Field<StringGraphType>("urn").Resolve(c => c.Source.Urn);
        Field<NonNullGraphType<DateGraphType>>("today").Description("The service's date (UK), the one its rules count from.").Resolve(c => c.Today());
        Field<StringGraphType>("localAuthorityName")
            .Description("The name of the caller's local authority; null until the LA is set up.")
            .ResolveAsync(async c => (await c.LocalAuthority().GetProfileAsync())?.Name);
        Field<StringGraphType>("settingName")
            .Description("The name of the setting the caller works for (their urn); null for roles without one.")
            .ResolveAsync(SettingNameAsync);
    }

    // Only the caller's own setting, so naming it tells them nothing they may not already read.
    private static async Task<object?> SettingNameAsync(IResolveFieldContext<Caller> context)
    {
        if (context.Source.Urn is not { } urn) return null;
        return context.Source.Role switch
        {
            Role.SchoolStaff => (await context.TenantGrain<ISchoolGrain>(urn).GetProfileAsync())?.Name,
            Role.ApStaff => (await context.TenantGrain<IApSettingGrain>(urn).GetCapacityAsync())?.Profile.Name,
            Role.SpecialSchoolStaff => (await context.TenantGrain<ISpecialSchoolGrain>(urn).GetAsync())?.Profile.Name,
            _ => null,
        };
    }
}
