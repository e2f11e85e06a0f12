using System.Globalization;
using ApGrid.Api.GraphQL.Views;
using ApGrid.Api.Rest;

namespace ApGrid.Api.GraphQL;

/// <summary>What a correction changed, field by field, named and spelled as the API's inputs are.</summary>
public static class PupilCorrections
{
    public static IReadOnlyList<FieldChangeView> Changes(PupilCorrection correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var (before, after) = (correction.Before, correction.After);
        List<FieldChangeView> changes = [];
        Add("dateOfBirth", before.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), after.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("yearGroupOffset", before.YearGroupOffset.ToString(CultureInfo.InvariantCulture), after.YearGroupOffset.ToString(CultureInfo.InvariantCulture));
        Add("senProvision", EnumNames<SenProvision>.NameOf(before.SenProvision), EnumNames<SenProvision>.NameOf(after.SenProvision));
        Add("primaryNeed", NameOf(before.PrimaryNeed), NameOf(after.PrimaryNeed));
        Add("lookedAfter", before.LookedAfter ? "true" : "false", after.LookedAfter ? "true" : "false");
        Add("homeSchoolUrn", before.HomeSchoolUrn, after.HomeSchoolUrn);
        Add("homePostcode", before.HomePostcode, after.HomePostcode);
        return changes;

        void Add(string field, string? from, string? to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal)) changes.Add(new FieldChangeView(field, from, to));
        }

        static string? NameOf(NeedType? need) => need is { } value ? EnumNames<NeedType>.NameOf(value) : null;
    }
}
