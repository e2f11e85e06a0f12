namespace ApGrid.Api.Auth;

public static class RoleNames
{
    private static readonly Dictionary<string, Role> ByName = new(StringComparer.Ordinal)
    {
        ["LA_OFFICER"] = Role.LaOfficer,
        ["SCHOOL_STAFF"] = Role.SchoolStaff,
        ["AP_STAFF"] = Role.ApStaff,
        ["SPECIAL_SCHOOL_STAFF"] = Role.SpecialSchoolStaff,
        ["PARTNER"] = Role.Partner,
        ["LA_ADMIN"] = Role.LaAdmin,
    };

    public static string NameOf(Role role) => ByName.First(p => p.Value == role).Key;

    public static bool TryParse(string? name, out Role role) => ByName.TryGetValue(name ?? "", out role);

    /// <summary>Roles that act for one setting and must carry its URN.</summary>
    public static bool NeedsUrn(Role role) => role is Role.SchoolStaff or Role.ApStaff or Role.SpecialSchoolStaff;
}
