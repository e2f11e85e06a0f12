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
        Field<NonNullGraphType<IntGraphType>>("yearGroup");
        Field<NonNullGraphType<StringGraphType>>("homeSchoolUrn");
        Field<NonNullGraphType<SenProvisionEnumGraphType>>("senProvision");
        Field<NeedTypeEnumGraphType>("primaryNeed");
        Field<NonNullGraphType<BooleanGraphType>>("lookedAfter");
    }
}
