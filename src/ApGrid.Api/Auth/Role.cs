namespace ApGrid.Api.Auth;

/// <summary>The contract's roles; GraphQL shows them as LA_OFFICER, SCHOOL_STAFF and so on.</summary>
public enum Role
{
    LaOfficer,
    SchoolStaff,
    ApStaff,
    SpecialSchoolStaff,
    Partner,

    /// <summary>Grants and revokes the tenant's access; reads no pupil data by virtue of this role.</summary>
    LaAdmin,
}
