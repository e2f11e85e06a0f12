using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class FieldChangeGraphType : ObjectGraphType<FieldChangeView>
{
    public FieldChangeGraphType()
    {
        Name = "FieldChange";
        Description = "One field that changed: of a correction, named as updatePupil's input names it; of a feed entry, as the changed object's type names it.";
        Field<NonNullGraphType<StringGraphType>>("field").Resolve(c => c.Source.Field);
        Field<StringGraphType>("from").Resolve(c => c.Source.From);
        Field<StringGraphType>("to").Resolve(c => c.Source.To);
    }
}
