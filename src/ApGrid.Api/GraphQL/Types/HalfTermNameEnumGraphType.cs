using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Spelled AUTUMN_1 … SUMMER_2: the default constant case would run the digit into the word.</summary>
public sealed class HalfTermNameEnumGraphType : EnumerationGraphType
{
    public HalfTermNameEnumGraphType()
    {
        Name = "HalfTermName";
        foreach (var name in Enum.GetValues<HalfTermName>()) Add(SchoolCalendarRules.Name(name), name);
    }
}
