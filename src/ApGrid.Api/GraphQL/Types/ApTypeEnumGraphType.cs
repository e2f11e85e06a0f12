using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ApTypeEnumGraphType : EnumerationGraphType<ApType>
{
    public ApTypeEnumGraphType()
    {
        Name = "ApType";
        Description = "STATE_FUNDED: pupil referral units, AP academies and AP free schools. INDEPENDENT: registered independent schools. NON_SCHOOL: unregistered providers.";
    }
}
