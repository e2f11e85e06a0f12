using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class RegisterPupilInputGraphType : InputObjectGraphType
{
    public RegisterPupilInputGraphType()
    {
        Name = "RegisterPupilInput";
        Field<NonNullGraphType<StringGraphType>>("upn");
        Field<NonNullGraphType<StringGraphType>>("initials");
        Field<NonNullGraphType<DateGraphType>>("dateOfBirth");
        // Kept as the contract has it; it now means the year group the pupil is taught in today, from which the offset is stored.
        // A required input field may not carry @deprecated (GraphQL spec, and GraphQL.NET refuses the schema), so the description says it.
        Field<NonNullGraphType<IntGraphType>>("yearGroup")
            .Description("The year group the pupil is taught in today (0 = Reception). Stored as an offset from the year their date of birth gives, so it moves on every 1 September.");
        Field<NonNullGraphType<StringGraphType>>("homeSchoolUrn");
        Field<NonNullGraphType<SenProvisionEnumGraphType>>("senProvision");
        Field<NeedTypeEnumGraphType>("primaryNeed");
        Field<NonNullGraphType<BooleanGraphType>>("lookedAfter");
        Field<StringGraphType>("homePostcode").Description("The pupil's home postcode, whole or to its sector (\"NE1 4\"); travel is estimated from it when its location is known.");
    }
}
