namespace ApGrid.Domain;

/// <summary>
/// What a placement's legal route decides (DOMAIN.md "Routes into AP"): who arranges it, the
/// notice it needs, whether consent is asked (LA policy, never law), how the pupil is registered
/// and which attendance code covers the sessions at the provider.
/// </summary>
public static class RouteRules
{
    /// <summary>Written notice to parents before the first day of an off-site direction (s29A regulations).</summary>
    public const int DirectionNoticeSchoolDays = 2;

    /// <summary>The routes that need consent when an LA sets no policy of its own: the panel, as ApGrid always did.</summary>
    public static IReadOnlyList<PlacementRoute> DefaultConsentRoutes { get; } = [PlacementRoute.LaPanel];

    public static Commissioner CommissionedBy(PlacementRoute route) =>
        route is PlacementRoute.OffSiteDirection or PlacementRoute.SuspensionProvision ? Commissioner.School : Commissioner.La;

    /// <summary>The school reviews its directions, the LA its own placements; the provider contributes to both.</summary>
    public static Commissioner ReviewedBy(PlacementRoute route) => CommissionedBy(route);

    /// <returns>null if <paramref name="caller"/> arranges placements on this route.</returns>
    public static DomainError? CheckStarter(PlacementRoute route, Commissioner caller)
    {
        var owner = CommissionedBy(route);
        if (owner == caller) return null;
        return DomainError.Forbidden(
            "route",
            owner == Commissioner.School
                ? $"{ContractName(route)} is arranged by the pupil's home school, not the LA."
                : $"{ContractName(route)} is arranged by the LA; a school asks for it by referral.");
    }

    public static bool NeedsConsent(PlacementRoute route, IEnumerable<PlacementRoute> consentPolicy)
    {
        ArgumentNullException.ThrowIfNull(consentPolicy);
        return consentPolicy.Contains(route);
    }

    /// <summary>
    /// An off-site direction needs written notice at least two school days before the first day;
    /// its contents are what a parent needs to get the child there and know what it is for.
    /// </summary>
    public static DomainError? CheckNotice(SchoolCalendar calendar, PlacementRoute route, DateOnly? noticeGivenOn, DateOnly startDate, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (noticeGivenOn is not { } given)
        {
            return route == PlacementRoute.OffSiteDirection
                ? DomainError.Validation("notice", "An off-site direction needs the written notice given to parents (notice.givenOn and its contents).")
                : null;
        }

        if (given > today) return DomainError.Validation("notice.givenOn", $"notice.givenOn ({given:yyyy-MM-dd}) cannot be in the future.");
        if (route != PlacementRoute.OffSiteDirection) return null;
        var earliest = calendar.AddSchoolDays(given, DirectionNoticeSchoolDays);
        return startDate < earliest
            ? DomainError.Validation(
                "startDate",
                $"startDate ({startDate:yyyy-MM-dd}) is too soon: an off-site direction needs {DirectionNoticeSchoolDays} school days' notice, so notice given on {given:yyyy-MM-dd} allows a start on {earliest:yyyy-MM-dd} at the earliest.")
            : null;
    }

    /// <summary>
    /// The table in DOMAIN.md. A non-school provider keeps no admission register, so the pupil stays
    /// on the home school's roll alone and the home school (B) or LA (K) records the sessions there.
    /// After a permanent exclusion the pupil is off the home school's roll: a PRU or AP school
    /// registers them alone, and the LA records K for provision anywhere else.
    /// </summary>
    public static PlacementRegistration Registration(PlacementRoute route, bool providerIsSchool)
    {
        var commissioner = CommissionedBy(route);
        if (route == PlacementRoute.S19PermanentExclusion)
        {
            return providerIsSchool
                ? new PlacementRegistration(null, Domain.Registration.Single, null)
                : new PlacementRegistration(null, null, "K");
        }

        return providerIsSchool
            ? new PlacementRegistration(Domain.Registration.Main, Domain.Registration.Subsidiary, "D")
            : new PlacementRegistration(Domain.Registration.Single, null, commissioner == Commissioner.School ? "B" : "K");
    }

    /// <summary>
    /// Whether the pupil keeps home-school sessions beside non-school AP: yes while on the school's
    /// roll and able to attend it (a direction, a panel placement); no for a suspension (barred from
    /// the school), after a permanent exclusion (off its roll), s19 for a child who cannot attend
    /// school, or an EHC plan's provision otherwise than in school (s61).
    /// </summary>
    public static bool KeepsHomeSchoolSessions(PlacementRoute route) =>
        route is PlacementRoute.OffSiteDirection or PlacementRoute.LaPanel;

    /// <summary>A PRU, AP academy, AP free school or independent school keeps an admission register; a non-school provider does not.</summary>
    public static bool IsSchool(ApSettingType type) => type != ApSettingType.UnregisteredProvider;

    /// <summary>The provision an exclusion calls for from its sixth school day: the school's for a suspension, the LA's s19 after a permanent exclusion.</summary>
    public static PlacementRoute RouteAfter(ExclusionKind kind) =>
        kind == ExclusionKind.PermanentExclusion ? PlacementRoute.S19PermanentExclusion : PlacementRoute.SuspensionProvision;

    /// <summary>A placement that names an exclusion must be the provision that exclusion calls for, while it stands.</summary>
    public static DomainError? CheckExclusion(PlacementRoute route, ExclusionKind kind, bool stands)
    {
        if (!stands) return DomainError.Conflict("exclusionId", "The pupil was reinstated: the exclusion no longer calls for provision.");
        return RouteAfter(kind) == route
            ? null
            : DomainError.Validation("exclusionId", $"A {(kind == ExclusionKind.PermanentExclusion ? "permanent exclusion" : "suspension")} is followed by {ContractName(RouteAfter(kind))} provision, not {ContractName(route)}.");
    }

    /// <summary>The schema's name for a route, as clients send it.</summary>
    public static string ContractName(PlacementRoute route) => route switch
    {
        PlacementRoute.LaPanel => "LA_PANEL",
        PlacementRoute.OffSiteDirection => "OFF_SITE_DIRECTION",
        PlacementRoute.SuspensionProvision => "SUSPENSION_PROVISION",
        PlacementRoute.S19PermanentExclusion => "S19_PERMANENT_EXCLUSION",
        PlacementRoute.S19HealthOrOther => "S19_HEALTH_OR_OTHER",
        PlacementRoute.EhcPlanS61 => "EHC_PLAN_S61",
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };
}
