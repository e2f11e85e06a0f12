using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so the resolver reads it as a dictionary; a field left out stays as it is.</summary>
public sealed class UpdatePupilInputGraphType : InputObjectGraphType
{
    public UpdatePupilInputGraphType()
    {
        Name = "UpdatePupilInput";
        Description = "A correction to a pupil's record. Fields left out stay as they are; the change is kept in the record's history with who made it and why.";
        Field<NonNullGraphType<IdGraphType>>("pupilId");
        Field<StringGraphType>("reason").Description("Why; required when dateOfBirth changes. At most 500 characters.");
        Field<DateGraphType>("dateOfBirth");
        Field<IntGraphType>("yearGroupOffset").Description("Years the pupil is taught out of their age group: -1 held back, 0 usual, +1 moved up.");
        Field<SenProvisionEnumGraphType>("senProvision");
        Field<NeedTypeEnumGraphType>("primaryNeed");
        Field<BooleanGraphType>("lookedAfter");
        Field<StringGraphType>("homeSchoolUrn").Description("The school whose roll the pupil is on: a mainstream school, a PRU or AP school, or a special school of the LA.");
        Field<StringGraphType>("homePostcode").Description("Whole, or to its sector (\"NE1 4\").");
    }
}
