using ApGrid.Api.GraphQL.Views;
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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PupilGraphType>>>>("pupils")
            .Resolve(_ => throw ApGridError.NotYetAvailable("School.pupils"));
    }
}
