using System.Globalization;
using ApGrid.Domain;
using ApGrid.Domain.Synthetic;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Server.Demo;

/// <summary>
/// Builds one demo tenant from its spec. Every random draw comes from one generator seeded per
/// tenant and happens in a fixed order, so the world depends only on the spec and the date.
/// </summary>
internal sealed class DemoTenantBuilder(DemoTenantSpec spec, DateOnly today)
{
    private static readonly string[] PrimaryKinds = ["Primary School", "Primary School", "Primary Academy", "Church of England Primary School", "Community Primary School"];
    private static readonly string[] SecondaryKinds = ["Academy", "High School", "Community College", "Technology College"];
    private static readonly string[] UnregisteredKinds = ["Farm Project", "Forest Learning", "Outdoor Education", "Youth Mentoring"];

    // Weighted toward KS2-KS4, the bulk of AP; KS1 is rarer and Reception is left out because no
    // demo setting serves the early years.
    private static readonly int[] YearGroupWeights = [0, 2, 3, 4, 5, 6, 6, 5, 6, 7, 7, 5];

    private readonly Random random = new(spec.Seed);

    // The LA's calendar as the server counts it when the LA has entered none: last year, this year and next.
    private readonly SchoolCalendar calendar = new(Enumerable.Range(SchoolYear.AcademicYearStart(today).Year - 1, 3).Select(DefaultTermDates.For));

    private PupilDraws? pupilDraws;

    private PupilDraws Draws => pupilDraws ??= new PupilDraws(random, today, YearGroupWeights);
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly Dictionary<(string School, int Year), int> upnSerials = [];

    public DemoTenant Build()
    {
        var profile = new LocalAuthorityProfile(
            spec.Code, spec.Name, spec.RoadFactor, spec.AverageSpeedKmh,
            DemoTenantSpec.PrimaryJourneyMinutes, DemoTenantSpec.SecondaryJourneyMinutes);

        // Separate URN blocks per kind and per tenant (the prefix), so no two entities share one.
        var block = spec.UrnPrefix * 100_000;
        var schools = Enumerable.Range(0, spec.PrimarySchools + spec.SecondarySchools)
            .Select(i => School(Urn(block + 10_000 + i), i < spec.PrimarySchools ? Phase.Primary : Phase.Secondary))
            .ToList();
        var specials = spec.SpecialSchoolDesignations
            .Select((designations, i) => SpecialSchool(Urn(block + 20_000 + i), designations, i))
            .ToList();
        var settings = spec.ApSettings
            .Select((setting, i) => ApSetting(Urn(block + 40_000 + i), setting))
            .ToList();
        var pupils = Pupils(schools, settings);

        // Drawn after everything else, so the schools, settings and pupils above stay as they were.
        return new DemoTenant(profile, schools, settings, specials, pupils, WaitingEntries(pupils, specials), OutreachRequests(schools), EhcCases(pupils));
    }

    /// <summary>
    /// About a third of the pupils with EHC plans wait for a special school meanwhile, some on two
    /// lists, for anything from a few weeks to over a year: the waits the study found in AP.
    /// </summary>
    private List<DemoWaitingEntry> WaitingEntries(List<DemoPupil> pupils, List<DemoSpecialSchool> specials)
    {
        var entries = new List<DemoWaitingEntry>();
        foreach (var pupil in pupils.Where(p => p.Record.SenProvision == SenProvision.EhcPlan))
        {
            if (random.NextDouble() >= 0.35) continue;
            var addedOn = today.AddDays(-random.Next(14, 420));
            var fitting = specials.Where(s => pupil.Record.PrimaryNeed is { } need && s.Profile.Designations.Contains(need)).ToArray();
            var first = fitting.Length > 0 ? Pick(fitting) : Pick(specials.ToArray());
            entries.Add(new DemoWaitingEntry(pupil.Id, first.Urn, addedOn, OverrideReason(pupil, first)));
            if (random.NextDouble() < 0.3 && specials.FirstOrDefault(s => s.Urn != first.Urn && s.Profile.Designations.Intersect(first.Profile.Designations).Any()) is { } second)
            {
                entries.Add(new DemoWaitingEntry(pupil.Id, second.Urn, addedOn.AddDays(random.Next(0, 30)), OverrideReason(pupil, second)));
            }
        }

        return entries;
    }

    // No random draw here, so every tenant's data stays what it was before the need match existed.
    private static string? OverrideReason(DemoPupil pupil, DemoSpecialSchool school) =>
        pupil.Record.PrimaryNeed is { } need && school.Profile.Designations.Contains(need)
            ? null
            : "Nearest school able to meet the pupil's needs alongside its designation.";

    /// <summary>Schools asking for outreach before things reach a referral: unnamed pupils, a few suspensions, a few hours a week.</summary>
    private List<DemoOutreachRequest> OutreachRequests(List<DemoSchool> schools)
    {
        return [.. Enumerable.Range(0, 9).Select(i =>
        {
            var school = Pick(schools.ToArray());
            return new DemoOutreachRequest(
                new OutreachRequestRecord(
                    Id: "", school.Urn, school.Profile.Location, PupilId: null, PupilDateOfBirth: null, PupilKeyStage: null,
                    PickFrom(SyntheticNames.OutreachReasons), random.Next(0, 5), random.Next(2, 9) / 2.0, today.AddDays(-random.Next(1, 40)), Allocation: null),
                AllocateAtSeed: i < 6);
        })];
    }

    private static string Urn(int value) => value.ToString("D6", CultureInfo.InvariantCulture);

    private DemoSchool School(string urn, Phase phase)
    {
        var kind = Pick(phase == Phase.Primary ? PrimaryKinds : SecondaryKinds);
        return new DemoSchool(urn, new SchoolProfile(UniqueName(kind), phase, Near()));
    }

    private DemoSpecialSchool SpecialSchool(string urn, IReadOnlyList<NeedType> designations, int index)
    {
        // Schools for profound needs are small; MLD schools are the big ones.
        var places = designations[0] switch
        {
            NeedType.Sld or NeedType.Pmld or NeedType.Pd or NeedType.Hi => random.Next(40, 91),
            NeedType.Semh => random.Next(50, 121),
            NeedType.Mld => random.Next(120, 221),
            _ => random.Next(70, 181),
        };

        // Nearly every special school is full, which is why pupils wait in AP; a few have a place or three.
        var free = index % 3 == 1 ? random.Next(1, 4) : 0;
        var profile = new SpecialSchoolProfile(UniqueName("School"), designations, Near());
        return new DemoSpecialSchool(urn, profile, places, places - free);
    }

    private DemoApSetting ApSetting(string urn, DemoApSettingSpec setting)
    {
        var registered = setting.Type != ApSettingType.UnregisteredProvider;
        var kind = setting.Type switch
        {
            ApSettingType.PupilReferralUnit => Pick("Pupil Referral Unit", "Learning Centre PRU"),
            ApSettingType.ApAcademy => "Alternative Provision Academy",
            ApSettingType.ApFreeSchool => "AP Free School",
            ApSettingType.IndependentSchool => Pick("Independent School", "House School"),
            _ => Pick(UnregisteredKinds),
        };
        var fullTime = setting.Type switch
        {
            ApSettingType.PupilReferralUnit => random.Next(12, 41),
            ApSettingType.ApAcademy => random.Next(10, 41),
            ApSettingType.ApFreeSchool => random.Next(8, 25),
            ApSettingType.IndependentSchool => random.Next(4, 17),
            _ => random.Next(0, 5),
        };
        var sessions = Sessions.All.Select(session => new SessionPlaces(session, SessionPlacesFor(session, registered))).ToList();
        var outreach = setting.Type switch
        {
            ApSettingType.PupilReferralUnit or ApSettingType.ApAcademy => random.Next(4, 13) * 2.5,
            ApSettingType.ApFreeSchool => random.Next(0, 7) * 2.5,
            ApSettingType.IndependentSchool => random.Next(0, 3) * 2.5,
            _ => 0,
        };
        var profile = new ApSettingProfile(UniqueName(kind), setting.Type, registered, setting.KeyStages, setting.Specialisms, Near());
        return new DemoApSetting(urn, profile, new ApAvailability(fullTime, sessions, outreach));
    }

    private int SessionPlacesFor(Session session, bool registered)
    {
        // Friday afternoon is usually kept for staff training and reviews, and the odd other
        // half-day is closed too, so the grid shows gaps the way real timetables do.
        var closed = session == Session.FriPm ? random.NextDouble() < 0.75 : random.NextDouble() < 0.08;
        if (closed) return 0;
        return registered ? random.Next(2, 9) : random.Next(1, 5);
    }

    private List<DemoPupil> Pupils(List<DemoSchool> schools, List<DemoApSetting> settings)
    {
        var ledger = new DemoCapacityLedger(settings);

        // Each LA's first setting has just opened and has no pupils yet, so its availability can be
        // set to anything: it is the setting the API's documented examples change.
        var placeable = settings.Skip(1).ToList();
        var pupils = new List<DemoPupil>();
        for (var attempt = 0; pupils.Count < spec.PupilsInAp && attempt < spec.PupilsInAp * 20; attempt++)
        {
            var yearGroup = Draws.YearGroup();
            var dateOfBirth = Draws.DateOfBirthFor(yearGroup);
            yearGroup = SchoolYear.YearGroupFor(dateOfBirth, today);
            var sen = random.NextDouble() switch { < 0.4 => SenProvision.EhcPlan, < 0.8 => SenProvision.SenSupport, _ => SenProvision.None };
            NeedType? need = sen == SenProvision.None
                ? null
                : random.NextDouble() switch { < 0.7 => NeedType.Semh, < 0.82 => NeedType.Asd, < 0.92 => NeedType.Slcn, _ => NeedType.Mld };
            var lookedAfter = random.NextDouble() < 0.15;
            var phase = SchoolYear.PhaseOf(yearGroup);
            var home = Pick(schools.Where(s => s.Profile.Phase == phase).ToArray());

            // Placements start on a Monday of term and run whole weeks, as panels agree them.
            var termMondays = Enumerable.Range(1, 19).Select(weeks => PupilDraws.MondayOnOrBefore(today.AddDays(-7 * weeks))).Where(calendar.IsSchoolDay).ToArray();
            var start = termMondays[random.Next(termMondays.Length)];
            var plannedEnd = start.AddDays(7 * random.Next(6, 17));

            // AP ends with compulsory school age; a Year 11 pupil past their leaving date is not placed.
            var leaves = SchoolYear.CompulsorySchoolAgeEnds(dateOfBirth);
            if (leaves < start.AddDays(42)) continue;
            if (plannedEnd > leaves) plannedEnd = leaves;
            var candidate = new RegistrationCandidate(
                sen == SenProvision.EhcPlan, lookedAfter, SchoolYear.IsOfCompulsorySchoolAge(dateOfBirth, start));
            var wantsFullTime = random.NextDouble() < 0.25;
            if (ChoosePlace(placeable, ledger, SchoolYear.KeyStageOf(SchoolYear.NcyOn(dateOfBirth, start)), candidate, wantsFullTime) is not { } place)
            {
                continue;
            }

            var id = Draws.NewPupilId();
            var record = new PupilRecord(NewUpn(home, yearGroup), Initials(), dateOfBirth, home.Urn, sen, need, lookedAfter);
            var request = new PlacementRequest(PupilScopedIds.Placement(id, 1), place.Urn, start, plannedEnd, place.FullTime, place.Sessions);
            pupils.Add(new DemoPupil(id, record, request, Reviews(start, request.ReviewEveryWeeks)));
        }

        return pupils;
    }

    /// <summary>
    /// The reviews a placement has had by today: each held on its due date or in the few days after, counted
    /// in term weeks as the API counts them. About one placement in seven has missed its latest one,
    /// so the board shows a few overdue reviews among many due later.
    /// </summary>
    private List<PlacementReviewRecord> Reviews(DateOnly start, int everyWeeks)
    {
        var reviews = new List<PlacementReviewRecord>();
        var last = start;
        for (var due = calendar.AddTermWeeks(start, everyWeeks); due <= today; due = calendar.AddTermWeeks(last, everyWeeks))
        {
            var latest = calendar.AddTermWeeks(due, everyWeeks) > today;
            if (latest && random.NextDouble() < 0.15) break;
            var held = due.AddDays(random.Next(0, 4));
            if (held > today) held = due;
            reviews.Add(new PlacementReviewRecord(
                held, AttendancePercent: random.Next(55, 100), Suspensions: random.NextDouble() < 0.8 ? 0 : 1,
                Participation: random.Next(2, 6), Wellbeing: random.Next(2, 6), Notes: null));
            last = held;
        }

        return reviews;
    }

    /// <summary>
    /// EHC needs assessments at every stage, for pupils without a plan: from a request last fortnight
    /// to a final plan issued, with a decision not to assess and one not to issue; a couple past their
    /// 6- or 20-week limit. Milestones are weeks after the request.
    /// </summary>
    private List<DemoEhcCase> EhcCases(List<DemoPupil> pupils)
    {
        // One case per stage first, so even a tenant with few pupils without a plan has every stage.
        (int WeeksAgo, (EhcpMilestone Milestone, int Week)[] Milestones)[] cases =
        [
            (7, []),
            (9, [(EhcpMilestone.DecisionToAssess, 5)]),
            (10, [(EhcpMilestone.RefusedToAssess, 6)]),
            (17, [(EhcpMilestone.DecisionToAssess, 6), (EhcpMilestone.DraftIssued, 15)]),
            (18, [(EhcpMilestone.DecisionToAssess, 6), (EhcpMilestone.NotIssued, 15)]),
            (26, [(EhcpMilestone.DecisionToAssess, 5), (EhcpMilestone.DraftIssued, 14), (EhcpMilestone.FinalIssued, 19)]),
            (2, []),
            (5, []),
            (14, [(EhcpMilestone.DecisionToAssess, 6)]),
            (21, [(EhcpMilestone.DecisionToAssess, 6), (EhcpMilestone.DraftIssued, 16)]),
        ];
        var candidates = pupils.Where(p => p.Record.SenProvision != SenProvision.EhcPlan).ToList();
        // Most requests come from schools and parents (SEN2 records who asked); a few from health and social care.
        EhcRequestSource[] sources = [EhcRequestSource.School, EhcRequestSource.Parent, EhcRequestSource.School, EhcRequestSource.Health, EhcRequestSource.Parent, EhcRequestSource.SocialCare];
        return [.. cases.Zip(candidates, (c, pupil) =>
        {
            var requested = today.AddDays(-7 * c.WeeksAgo);
            return new DemoEhcCase(pupil.Id, requested, [.. c.Milestones.Select(m => new DemoEhcMilestone(m.Milestone, requested.AddDays(7 * m.Week)))])
            {
                Source = sources[c.WeeksAgo % sources.Length],
            };
        })];
    }

    /// <summary>
    /// Takes the place from the ledger, so later pupils see only what is left. Full-time places at an
    /// unregistered provider follow the registration rule exactly as the AP setting grain will check it.
    /// </summary>
    private DemoPlace? ChoosePlace(
        List<DemoApSetting> settings, DemoCapacityLedger ledger, KeyStage keyStage, RegistrationCandidate pupil, bool wantsFullTime)
    {
        // A weighted shuffle: big PRUs and academies take most pupils, a small unregistered
        // provider only the odd one, as in the study's LAs.
        var serving = settings
            .Where(s => s.Profile.KeyStages.Contains(keyStage))
            .Select(s => (Setting: s, Key: -Math.Log(1 - random.NextDouble()) / SizeOf(s)))
            .OrderBy(pair => pair.Key)
            .Select(pair => pair.Setting);
        foreach (var setting in serving)
        {
            if (wantsFullTime && ledger.TryTakeFullTime(setting, pupil))
            {
                return new DemoPlace(setting.Urn, true, []);
            }

            var open = ledger.OpenSessions(setting).ToArray();
            if (open.Length < 2) continue;
            random.Shuffle(open);
            var chosen = open.Take(random.Next(2, Math.Min(6, open.Length) + 1)).Order().ToArray();
            ledger.TakeSessions(setting, chosen);
            return new DemoPlace(setting.Urn, false, chosen);
        }

        return null;
    }

    private static double SizeOf(DemoApSetting setting) =>
        1 + setting.Availability.FullTimePlaces + (setting.Availability.Sessions.Sum(s => s.Places) / 2.0);


    /// <summary>
    /// A permanent UPN as the home school would have been allocated it on entry to Reception:
    /// LA code, the school's DfE establishment number (2xxx primary, 4xxx secondary, here taken
    /// from the URN's last three digits), the year of allocation and a serial within that school and year.
    /// </summary>
    private string NewUpn(DemoSchool home, int yearGroup)
    {
        var establishment = (home.Profile.Phase == Phase.Primary ? "2" : "4") + home.Urn[^3..];
        var allocated = SchoolYear.AcademicYearStart(today).Year - yearGroup;
        var serial = upnSerials[(home.Urn, allocated)] = upnSerials.GetValueOrDefault((home.Urn, allocated)) + 1;
        var last12 = string.Create(
            CultureInfo.InvariantCulture, $"{spec.Code}{establishment}{allocated % 100:D2}{serial:D3}");
        return Upn.CheckLetterFor(last12) + last12;
    }

    private Location Near()
    {
        // Uniform over the disc: the square root keeps schools from crowding the centre.
        var distanceKm = spec.RadiusKm * Math.Sqrt(random.NextDouble());
        var bearing = random.NextDouble() * 2 * Math.PI;
        var latitude = spec.CentreLatitude + (distanceKm * Math.Cos(bearing) / 111.32);
        var longitude = spec.CentreLongitude + (distanceKm * Math.Sin(bearing) / (111.32 * Math.Cos(spec.CentreLatitude * Math.PI / 180)));
        return new Location(Math.Round(latitude, 5), Math.Round(longitude, 5));
    }

    private string UniqueName(string kind)
    {
        for (var attempt = 0; ; attempt++)
        {
            var place = PickFrom(SyntheticNames.PlaceWords);
            var name = attempt < 50 ? $"{spec.Name} {place} {kind}" : $"{spec.Name} {place} {kind} {attempt}";
            if (names.Add(name)) return name;
        }
    }

    private string Initials() => new([PickFrom(SyntheticNames.InitialLetters), PickFrom(SyntheticNames.InitialLetters)]);

    private T Pick<T>(params T[] options) => options[random.Next(options.Length)];

    private T PickFrom<T>(IReadOnlyList<T> options) => options[random.Next(options.Count)];
}
