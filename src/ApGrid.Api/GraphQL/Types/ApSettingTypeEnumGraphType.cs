using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ApSettingTypeEnumGraphType : EnumerationGraphType<ApSettingType>
{
    public ApSettingTypeEnumGraphType() => Name = "ApSettingType";
}
