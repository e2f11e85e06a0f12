using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SpecialSchoolProfileInputGraphType : InputObjectGraphType
{
    public SpecialSchoolProfileInputGraphType()
    {
        Name = "SpecialSchoolProfileInput";
        Description = "What a special school is. places counts on createSpecialSchool only; setSpecialSchoolPlaces changes it later.";
        Field<NonNullGraphType<StringGraphType>>("urn");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeedTypeEnumGraphType>>>>("designations");
        Field<NonNullGraphType<FloatGraphType>>("latitude");
        Field<NonNullGraphType<FloatGraphType>>("longitude");
        Field<IntGraphType>("places");
    }
}
