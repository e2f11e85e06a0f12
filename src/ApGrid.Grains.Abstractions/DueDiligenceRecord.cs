namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The LA's due diligence on a provider, one version of it: safeguarding lead, vetting, policies,
/// insurance, risk assessments, registration, visits, concerns and the national standards' themes.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.DueDiligenceRecord")]
public sealed record DueDiligenceRecord
{
    public static readonly DueDiligenceRecord Empty = new();

    [Id(0)] public string? DslName { get; init; }

    [Id(1)] public DateOnly? DslTrainedOn { get; init; }

    /// <summary>The day the LA confirmed the single central record and enhanced DBS checks.</summary>
    [Id(2)] public DateOnly? VettingConfirmedOn { get; init; }

    [Id(3)] public string? VettingConfirmedBy { get; init; }

    [Id(4)] public DateOnly? SafeguardingPolicyOn { get; init; }

    [Id(5)] public DateOnly? BehaviourPolicyOn { get; init; }

    [Id(6)] public DateOnly? InsuranceExpires { get; init; }

    [Id(7)] public DateOnly? SiteRiskAssessmentOn { get; init; }

    [Id(8)] public DateOnly? ActivityRiskAssessmentOn { get; init; }

    /// <summary>Registered with Ofsted as a school; false for non-school AP.</summary>
    [Id(9)] public bool RegisteredSchool { get; init; }

    [Id(10)] public string? OfstedUrn { get; init; }

    [Id(11)] public string? OfstedJudgement { get; init; }

    [Id(12)] public DateOnly? OfstedJudgementOn { get; init; }

    [Id(13)] public IReadOnlyList<VisitRecord> Visits { get; init; } = [];

    [Id(14)] public IReadOnlyList<ConcernRecord> Concerns { get; init; } = [];

    [Id(15)] public IReadOnlyList<ThemeAssessmentRecord> Themes { get; init; } = [];

    public DateOnly? LastVisitOn => Visits.Count == 0 ? null : Visits.Max(v => v.On);

    public bool HasUnresolvedConcern => Concerns.Any(c => c.ResolvedOn is null);
}
