using System.Globalization;
using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// Provider profiles and quality assurance. The LA creates and edits providers and keeps their due
/// diligence and approval; a provider's own staff edit its contacts and send evidence dates; every
/// role of the tenant sees a provider's standing, only the LA and the provider's staff the record
/// behind it. Every read of that record and every change is audited against the provider.
/// </summary>
public static class ProviderQueries
{
    private const string LocalReferencePrefix = "9";

    public static async Task<ApCapacitySnapshot> CreateSettingAsync(IResolveFieldContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        PupilAccess.RequireLa(c.Caller());
        var input = c.GetArgument<Dictionary<string, object?>>("input");
        var givenUrn = Text(input, "urn");
        if (givenUrn is not null && !Urn.TryParse(givenUrn, out _)) throw ApGridError.Validation("urn", "urn must be 6 digits.");
        var profile = ProfileFrom(input, localReference: givenUrn is null, contacts: Contacts(input) ?? [], times: null);
        var la = c.LocalAuthority();
        var taken = (await la.GetRegistryAsync()).ApSettings.Select(s => s.Urn).ToHashSet(StringComparer.Ordinal);
        string urn;
        if (givenUrn is not null)
        {
            urn = givenUrn;
            if (taken.Contains(urn) || !await c.TenantGrain<IApSettingGrain>(urn).CreateAsync(profile, Empty)) throw Conflict(urn);
        }
        else
        {
            // Non-school AP has no DfE URN: the LA's reference takes its place, from a range DfE does not give to the LA's AP.
            var next = taken.Count;
            do
            {
                urn = LocalReferencePrefix + (next++ % 100000).ToString("D5", CultureInfo.InvariantCulture);
            }
            while (taken.Contains(urn) || !await c.TenantGrain<IApSettingGrain>(urn).CreateAsync(profile, Empty));
        }

        c.AccessLog().ProviderChanged(urn, "Mutation.createApSetting");
        return await c.TenantGrain<IApSettingGrain>(urn).GetCapacityAsync() ?? throw ApGridError.NotFound("urn", "AP setting");
    }

    public static async Task<ApCapacitySnapshot> UpdateSettingAsync(IResolveFieldContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        PupilAccess.RequireLa(c.Caller());
        var input = c.GetArgument<Dictionary<string, object?>>("input");
        var urn = Text(input, "urn") ?? throw ApGridError.Validation("urn", "urn is required to update an AP setting.");
        if (!Urn.TryParse(urn, out _)) throw ApGridError.Validation("urn", "urn must be 6 digits.");
        var setting = c.TenantGrain<IApSettingGrain>(urn);
        var current = await setting.GetCapacityAsync() ?? throw ApGridError.NotFound("urn", "AP setting");
        var profile = ProfileFrom(input, current.Profile.LocalReference, Contacts(input) ?? current.Profile.Contacts, current.Profile.SessionTimes);
        var result = await setting.UpdateProfileAsync(profile);
        var updated = result.Value ?? throw ApGridError.From(result.Error!);
        c.AccessLog().ProviderChanged(urn, "Mutation.updateApSetting");
        return updated;
    }

    public static async Task<SpecialSchoolSnapshot> CreateSpecialSchoolAsync(IResolveFieldContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        PupilAccess.RequireLa(c.Caller());
        var input = c.GetArgument<Dictionary<string, object?>>("input");
        var urn = InputUrn(input);
        var places = Value(input, "places") as int? ?? 0;
        if (places < 0) throw ApGridError.Validation("places", "places cannot be negative.");
        var profile = SpecialSchoolFrom(input);
        var school = c.TenantGrain<ISpecialSchoolGrain>(urn);
        if (!await school.CreateAsync(profile, places, 0)) throw new ApGridError(ErrorCodes.Conflict, $"A special school with urn {urn} already exists in your tenant.", "urn");
        c.AccessLog().ProviderChanged(urn, "Mutation.createSpecialSchool");
        return await school.GetAsync() ?? throw ApGridError.NotFound("urn", "special school");
    }

    public static async Task<SpecialSchoolSnapshot> UpdateSpecialSchoolAsync(IResolveFieldContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        PupilAccess.RequireLa(c.Caller());
        var input = c.GetArgument<Dictionary<string, object?>>("input");
        var urn = InputUrn(input);
        var profile = SpecialSchoolFrom(input);
        var result = await c.TenantGrain<ISpecialSchoolGrain>(urn).UpdateProfileAsync(profile);
        var updated = result.Value ?? throw ApGridError.From(result.Error!);
        c.AccessLog().ProviderChanged(urn, "Mutation.updateSpecialSchool");
        return updated;
    }

    public static async Task<ApCapacitySnapshot> SetContactsAsync(IResolveFieldContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var urn = c.UrnArgument("urn");
        Access.RequireLaOrStaffOf(c.Caller(), Role.ApStaff, urn);
        var contacts = ContactList(c.GetArgument<List<object?>>("contacts"));
        var result = await c.TenantGrain<IApSettingGrain>(urn).SetContactsAsync(contacts);
        var updated = result.Value ?? throw ApGridError.From(result.Error!);
        c.AccessLog().ProviderChanged(urn, "Mutation.setApSettingContacts");
        return updated;
    }

    public static async Task<object?> ReadAsync(IResolveFieldContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var urn = c.UrnArgument("urn");
        RequireLaOrOwnStaff(c.Caller(), urn);
        var view = await ViewAsync(c, urn);
        c.AccessLog().ProviderRead(urn, "Query.providerAssurance");
        return view;
    }

    public static async Task<List<ApCapacitySnapshot>> RegisterAsync(IResolveFieldContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var status = c.GetArgument<ProviderStatus?>("status");
        var within = c.GetArgument<int?>("expiringWithinDays");
        if (within is < 0 or > 366) throw ApGridError.Validation("expiringWithinDays", "expiringWithinDays must be from 0 to 366.");
        var today = c.Today();
        var caller = c.Caller();
        var index = await c.LocalAuthority().GetCapacityIndexAsync();
        return [.. index
            .Select(s => (Setting: s, Standing: ProviderStandingView.Of(s, caller, today).Standing))
            .Where(s => status is null || s.Standing.Status == status)
            .Where(s => within is not { } days || s.Standing.Lapsed.Count > 0
                || s.Setting.Profile.Approval?.ToEvidence().Expiries.Any(e => e.ValidUntil >= today && e.ValidUntil.DayNumber - today.DayNumber <= days) == true)
            .OrderBy(s => s.Setting.Profile.Name, StringComparer.OrdinalIgnoreCase)
            .Select(s => s.Setting)];
    }

    public static async Task<ProviderAssuranceView> RecordDueDiligenceAsync(IResolveFieldContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var caller = c.Caller();
        PupilAccess.RequireLa(caller);
        var input = c.GetArgument<Dictionary<string, object?>>("input");
        var urn = InputUrn(input);
        await RequireSettingAsync(c, urn);
        var record = Evidence(input, DueDiligenceRecord.Empty) with
        {
            VettingConfirmedOn = Date(input, "vettingConfirmedOn"),
            VettingConfirmedBy = Text(input, "vettingConfirmedBy"),
            RegisteredSchool = input["registeredSchool"] is true,
            OfstedUrn = Text(input, "ofstedUrn"),
            OfstedJudgement = Text(input, "ofstedJudgement"),
            OfstedJudgementOn = Date(input, "ofstedJudgementOn"),
            Visits = [.. Items(input, "visits").Select(v => new VisitRecord((DateOnly)v["on"]!, Text(v, "by") ?? "", Text(v, "findings") ?? "", (Rag)v["rag"]!))],
            Concerns = [.. Items(input, "concerns").Select(v => new ConcernRecord(
                (DateOnly)v["raisedOn"]!, Text(v, "raisedBy") ?? "", Text(v, "summary") ?? "", Date(v, "resolvedOn"), Text(v, "resolution")))],
            Themes = [.. Items(input, "themes").Select(v => new ThemeAssessmentRecord((StandardsTheme)v["theme"]!, (ThemeJudgement)v["judgement"]!, Text(v, "evidence") ?? ""))],
        };
        return await ChangeAsync(c, urn, "Mutation.recordDueDiligence", a => a.RecordDueDiligenceAsync(record, AssuranceChange.DueDiligence, caller.Subject, RoleNames.NameOf(caller.Role)));
    }

    public static async Task<ProviderAssuranceView> SubmitEvidenceAsync(IResolveFieldContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var caller = c.Caller();
        var input = c.GetArgument<Dictionary<string, object?>>("input");
        var urn = InputUrn(input);
        Access.RequireLaOrStaffOf(caller, Role.ApStaff, urn);
        await RequireSettingAsync(c, urn);
        var assurance = c.TenantGrain<IProviderAssuranceGrain>(urn);
        var record = Evidence(input, (await assurance.GetAsync()).DueDiligence);
        return await ChangeAsync(c, urn, "Mutation.submitProviderEvidence", a => a.RecordDueDiligenceAsync(record, AssuranceChange.EvidenceDates, caller.Subject, RoleNames.NameOf(caller.Role)));
    }

    public static async Task<ProviderAssuranceView> DecideAsync(IResolveFieldContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var caller = c.Caller();
        PupilAccess.RequireLa(caller);
        var input = c.GetArgument<Dictionary<string, object?>>("input");
        var urn = InputUrn(input);
        await RequireSettingAsync(c, urn);
        return await ChangeAsync(c, urn, "Mutation.decideProviderApproval",
            a => a.DecideAsync((ProviderDecision)input["decision"]!, Text(input, "reason"), Date(input, "approvedUntil"), caller.Subject));
    }

    public static async Task<ProviderAssuranceView> OverrideAsync(IResolveFieldContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var caller = c.Caller();
        PupilAccess.RequireLa(caller);
        var urn = c.UrnArgument("urn");
        await RequireSettingAsync(c, urn);
        var pupil = await PupilAccess.LoadAsync(c, c.GetArgument<string>("pupilId"), "pupilId");
        c.AccessLog().Changed(pupil.Snapshot.Id, "Mutation.overrideProviderApproval");
        return await ChangeAsync(c, urn, "Mutation.overrideProviderApproval",
            a => a.OverrideAsync(pupil.Snapshot.Id, c.GetArgument<string>("reason") ?? "", caller.Subject));
    }

    public static async Task<ProviderAssuranceView> ExtendAsync(IResolveFieldContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var caller = c.Caller();
        PupilAccess.RequireLa(caller);
        var urn = c.UrnArgument("urn");
        var placementId = c.GetArgument<string>("placementId");
        var pupil = await PupilAccess.LoadOwnerAsync(c, placementId, "placementId");
        if (!pupil.Snapshot.Placements.Any(p => p.PlacementId == placementId && p.ApUrn == urn && p.IsActive))
        {
            throw ApGridError.NotFound("placementId", "active placement at this provider");
        }

        c.AccessLog().Changed(pupil.Snapshot.Id, "Mutation.extendNonSchoolPlacement");
        return await ChangeAsync(c, urn, "Mutation.extendNonSchoolPlacement",
            a => a.ExtendPlacementAsync(placementId, c.GetArgument<DateOnly>("until"), c.GetArgument<string>("reason") ?? "", caller.Subject));
    }

    /// <summary>The provider's active placements, for the LA: which to review, and which are past the non-school time limit.</summary>
    public static async Task<List<ProviderPlacementCheckView>> ActivePlacementsAsync(IResolveFieldContext c, ProviderAssuranceView view)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(view);
        PupilAccess.RequireLa(c.Caller());
        var today = c.Today();
        var urn = view.Setting.Urn;
        var refs = await c.TenantGrain<IApSettingGrain>(urn).GetPlacementsAsync(active: true);
        var pupils = await Task.WhenAll(refs.Select(r => r.PupilId).Distinct(StringComparer.Ordinal).Select(id => c.TenantGrain<IPupilGrain>(id).GetAsync()));
        var nonSchool = view.Standing.ApprovalRequired;
        var extensions = view.Record.Extensions.ToDictionary(e => e.PlacementId, e => e.Until, StringComparer.Ordinal);
        var checks = new List<ProviderPlacementCheckView>();
        foreach (var pupil in pupils.OfType<PupilSnapshot>())
        {
            foreach (var placement in pupil.Placements.Where(p => p.ApUrn == urn && p.IsActive && refs.Any(r => r.PlacementId == p.PlacementId)))
            {
                c.AccessLog().Read(pupil.Id, "ProviderAssurance.activePlacements");
                var extended = extensions.TryGetValue(placement.PlacementId, out var until) ? until : (DateOnly?)null;
                checks.Add(new ProviderPlacementCheckView(
                    placement.PlacementId, pupil.Id, placement.StartDate,
                    today < placement.StartDate ? 0 : NonSchoolPlacementRules.WeekOf(placement.StartDate, today),
                    nonSchool && NonSchoolPlacementRules.OverTimeLimit(placement.StartDate, today, view.Record.MaxNonSchoolWeeks, extended),
                    extended,
                    nonSchool && !view.Standing.Standing.Commissionable));
            }
        }

        return [.. checks.OrderBy(v => v.StartDate)];
    }

    private static readonly ApAvailability Empty = new(0, [], 0);

    private static async Task<ProviderAssuranceView> ChangeAsync(
        IResolveFieldContext c, string urn, string what, Func<IProviderAssuranceGrain, Task<CommandResult<ProviderAssuranceSnapshot>>> change)
    {
        var result = await change(c.TenantGrain<IProviderAssuranceGrain>(urn));
        if (result.Value is null) throw ApGridError.From(result.Error!);
        c.AccessLog().ProviderChanged(urn, what);

        // The setting hears of the change through the assurance grain's outbox; read it as it is now.
        return await ViewAsync(c, urn);
    }

    private static async Task<ProviderAssuranceView> ViewAsync(IResolveFieldContext c, string urn)
    {
        var setting = await c.TenantGrain<IApSettingGrain>(urn).GetCapacityAsync() ?? throw ApGridError.NotFound("urn", "AP setting");
        var record = await c.TenantGrain<IProviderAssuranceGrain>(urn).GetAsync();
        return new ProviderAssuranceView(record, setting, ProviderStandingView.Of(setting, c.Caller(), c.Today()));
    }

    private static async Task RequireSettingAsync(IResolveFieldContext c, string urn)
    {
        if (await c.TenantGrain<IApSettingGrain>(urn).GetCapacityAsync() is null) throw ApGridError.NotFound("urn", "AP setting");
    }

    private static void RequireLaOrOwnStaff(Caller caller, string urn)
    {
        if (caller.IsLaOfficer || caller.ActsFor(Role.ApStaff, urn)) return;
        throw ApGridError.Forbidden($"Only the LA or the own staff of {urn} see its due diligence; everyone else sees its standing (ApSetting.standing, providerRegister).");
    }

    private static string InputUrn(Dictionary<string, object?> input)
    {
        var urn = Text(input, "urn");
        return Urn.TryParse(urn, out _) ? urn! : throw ApGridError.Validation("urn", "urn must be 6 digits.");
    }

    private static ApGridError Conflict(string urn) => new(ErrorCodes.Conflict, $"An AP setting with urn {urn} already exists in your tenant.", "urn");

    /// <summary>The evidence dates both the LA and the provider's staff may send; what is left out stays as it was.</summary>
    private static DueDiligenceRecord Evidence(Dictionary<string, object?> input, DueDiligenceRecord current) => current with
    {
        DslName = input.ContainsKey("dslName") ? Text(input, "dslName") : current.DslName,
        DslTrainedOn = input.ContainsKey("dslTrainedOn") ? Date(input, "dslTrainedOn") : current.DslTrainedOn,
        SafeguardingPolicyOn = input.ContainsKey("safeguardingPolicyOn") ? Date(input, "safeguardingPolicyOn") : current.SafeguardingPolicyOn,
        BehaviourPolicyOn = input.ContainsKey("behaviourPolicyOn") ? Date(input, "behaviourPolicyOn") : current.BehaviourPolicyOn,
        InsuranceExpires = input.ContainsKey("insuranceExpires") ? Date(input, "insuranceExpires") : current.InsuranceExpires,
        SiteRiskAssessmentOn = input.ContainsKey("siteRiskAssessmentOn") ? Date(input, "siteRiskAssessmentOn") : current.SiteRiskAssessmentOn,
        ActivityRiskAssessmentOn = input.ContainsKey("activityRiskAssessmentOn") ? Date(input, "activityRiskAssessmentOn") : current.ActivityRiskAssessmentOn,
    };

    private static ApSettingProfile ProfileFrom(Dictionary<string, object?> input, bool localReference, IReadOnlyList<ContactRecord> contacts, SessionTimes? times)
    {
        if (Value(input, "sessionTimes") is IDictionary<string, object?> given) times = Times(given);
        var name = Text(input, "name") ?? "";
        var type = (ApSettingType)input["type"]!;
        var ukprn = Text(input, "ukprn");
        var keyStages = ((IEnumerable<object?>)input["keyStages"]!).Cast<KeyStage>().Distinct().ToList();
        var specialisms = ((IEnumerable<object?>)input["specialisms"]!).Cast<NeedType>().Distinct().ToList();
        var latitude = Convert.ToDouble(input["latitude"], CultureInfo.InvariantCulture);
        var longitude = Convert.ToDouble(input["longitude"], CultureInfo.InvariantCulture);
        var error = ProviderProfileRules.Check(name, type, localReference, ukprn, keyStages, latitude, longitude, [.. contacts.Select(x => x.ToDomain())]);
        if (error is not null) throw ApGridError.From(CommandError.From(error));
        var postcode = Text(input, "postcode");
        if (postcode is not null && !Postcode.TryParse(postcode, out _)) throw ApGridError.Validation("postcode", "postcode is not a UK postcode.");
        return new ApSettingProfile(name.Trim(), type, type != ApSettingType.UnregisteredProvider, keyStages, specialisms, new Location(latitude, longitude), times)
        {
            Ukprn = ukprn,
            LocalReference = localReference,
            Address = Text(input, "address"),
            Postcode = postcode,
            Contacts = contacts,
        };
    }

    private static SpecialSchoolProfile SpecialSchoolFrom(Dictionary<string, object?> input)
    {
        var name = Text(input, "name") ?? "";
        var latitude = Convert.ToDouble(input["latitude"], CultureInfo.InvariantCulture);
        var longitude = Convert.ToDouble(input["longitude"], CultureInfo.InvariantCulture);
        if (ProviderProfileRules.CheckNameAndLocation(name, latitude, longitude) is { } error) throw ApGridError.From(CommandError.From(error));
        return new SpecialSchoolProfile(name, [.. ((IEnumerable<object?>)input["designations"]!).Cast<NeedType>().Distinct()], new Location(latitude, longitude));
    }

    private static SessionTimes Times(IDictionary<string, object?> input)
    {
        TimeOnly At(string key) => TimeOnly.TryParseExact(Text(input, key), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw ApGridError.Validation("sessionTimes." + key, $"sessionTimes.{key} must be a time as HH:mm, e.g. 09:00.");
        var times = new SessionTimes(At("morningStart"), At("morningEnd"), At("afternoonStart"), At("afternoonEnd"));
        return times.Validate() is { } error ? throw ApGridError.From(CommandError.From(error)) : times;
    }

    private static List<ContactRecord>? Contacts(Dictionary<string, object?> input) =>
        input.GetValueOrDefault("contacts") is IEnumerable<object?> list ? ContactList(list) : null;

    private static List<ContactRecord> ContactList(IEnumerable<object?>? list) =>
        [.. (list ?? []).Cast<IDictionary<string, object?>>().Select(x => new ContactRecord(Text(x, "name") ?? "", Text(x, "role") ?? "", Text(x, "email"), Text(x, "phone")))];

    private static IEnumerable<IDictionary<string, object?>> Items(IDictionary<string, object?> input, string key) =>
        (Value(input, key) as IEnumerable<object?> ?? []).Cast<IDictionary<string, object?>>();

    private static string? Text(IDictionary<string, object?> input, string key) =>
        Value(input, key) is string s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static DateOnly? Date(IDictionary<string, object?> input, string key) => Value(input, key) as DateOnly?;

    private static object? Value(IDictionary<string, object?> input, string key) => input.TryGetValue(key, out var value) ? value : null;
}
