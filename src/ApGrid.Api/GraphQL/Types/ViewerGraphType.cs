using ApGrid.Api.Auth;
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
    }
}
