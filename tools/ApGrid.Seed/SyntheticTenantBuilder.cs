using System.Globalization;
using ApGrid.Domain;
using ApGrid.Domain.Synthetic;
using ApGrid.Grains;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Seed;

/// <summary>
/// Builds one synthetic tenant in memory the way the grains would have left it after every step
/// had run through them: the LA's registry, UPN register, placement aggregates, EHC tracker and open
/// waiting entries; the schools' pupil lists; the AP settings' held and released places and outreach
/// allocations; the special schools' waiting lists; the pupils' records, referrals, placements, EHC
/// cases and waiting entries; the outreach board. Each fact is entered on both sides (a held place
/// and its active placement, a waiting entry and the pupil's entry id), and the LA aggregates are
/// computed with the grains' own PlacementAggregates, so the grains find nothing to reconcile.
/// Writing the state classes directly makes this a second writer of what the grains keep
/// consistent; SeededWorldTests wakes every seeded grain and checks through the grains' own reads
/// that both sides and the LA's figures agree, so a change to a grain that this does not follow fails there.
/// One generator seeded per tenant draws everything in a fixed order: the same plan and date give
/// the same world.
/// </summary>
public sealed class SyntheticTenantBuilder(SeedTenantPlan plan, DateTimeOffset now)
{
    private static readonly string[] Reasons =
    [
        "Persistent disruption despite a pastoral support plan", "Emotionally based school avoidance",
        "At risk of permanent exclusion", "Awaiting special school place", "Medical needs: anxiety",
        "Escalating dysregulation at unstructured times",
    ];

    // Reception to Year 11; EHC plans rise through primary and peak in early secondary.
    private static readonly int[] YearGroupWeights = [3, 5, 6, 7, 8, 9, 9, 10, 10, 10, 9, 8];

    private static readonly NeedType[] Needs =
    [
        NeedType.Asd, NeedType.Asd, NeedType.Asd, NeedType.Semh, NeedType.Semh, NeedType.Slcn, NeedType.Slcn,
        NeedType.Mld, NeedType.Sld, NeedType.Pmld, NeedType.Pd, NeedType.Hi, NeedType.Spld,
    ];

    private readonly Random random = new(plan.Seed);
    private readonly DateOnly today = DateOnly.FromDateTime(now.UtcDateTime);

    private PupilDraws? pupilDraws;

    private PupilDraws Draws => pupilDraws ??= new PupilDraws(random, today, YearGroupWeights);
    private readonly Dictionary<(string School, int Year), int> upnSerials = [];
    private double centreLatitude;
    private double centreLongitude;
    private double radiusKm;

    public SeedTenantWorld Build()
    {
        var world = new SeedTenantWorld(plan);
        centreLatitude = 50.6 + (random.NextDouble() * 3.8);
        centreLongitude = -3.2 + (random.NextDouble() * 3.6);
        radiusKm = 6 + Math.Sqrt(plan.Schools) * 1.5;

        var la = world.LocalAuthority;
        la.Profile = new LocalAuthorityProfile(plan.Code, plan.Name, Math.Round(1.2 + (random.NextDouble() * 0.25), 2), random.Next(25, 46), 45, 75);
        la.Seeded = true;

        var urn = plan.FirstUrn;
        var primaries = new List<(string Urn, SchoolState State)>();
        var secondaries = new List<(string Urn, SchoolState State)>();
        for (var i = 0; i < plan.Schools; i++)
        {
            // About one mainstream school in six is secondary, and every tenant has at least one.
            var phase = i == 1 || (i > 1 && random.NextDouble() < 0.17) ? Phase.Secondary : Phase.Primary;
            var id = Urn(urn++);
            var name = $"{plan.Name} {Pick(SyntheticNames.PlaceWords)} {(phase == Phase.Primary ? "Primary School" : "Academy")} {i + 1}";
            var school = new SchoolState { Profile = new SchoolProfile(name, phase, Near()) };
            world.Schools[id] = school;
            la.Schools.Add(new RegistryEntry(id, name));
            (phase == Phase.Primary ? primaries : secondaries).Add((id, school));
        }

        var settings = new List<(string Urn, ApSettingState State)>();
        for (var i = 0; i < plan.ApSettings; i++)
        {
            var id = Urn(urn++);
            var setting = ApSetting(i);
            world.ApSettings[id] = setting;
            la.ApSettings.Add(new RegistryEntry(id, setting.Profile!.Name));
            settings.Add((id, setting));
        }

        var specials = new List<(string Urn, SpecialSchoolState State)>();
        for (var i = 0; i < plan.SpecialSchools; i++)
        {
            var id = Urn(urn++);
            var special = SpecialSchool(i);
            world.SpecialSchools[id] = special;
            la.SpecialSchools.Add(new RegistryEntry(id, special.Profile!.Name));
            specials.Add((id, special));
        }

        var pupils = Pupils(world, primaries, secondaries);
        Placements(world, pupils, settings);
        WaitingLists(world, pupils, specials);
        Outreach(world, primaries, secondaries, settings);
        return world;
    }

    private List<(string Id, PupilState State)> Pupils(
        SeedTenantWorld world, List<(string Urn, SchoolState State)> primaries, List<(string Urn, SchoolState State)> secondaries)
    {
        var la = world.LocalAuthority;
        var pupils = new List<(string Id, PupilState State)>(plan.Pupils);
        for (var i = 0; i < plan.Pupils; i++)
        {
            var yearGroup = Draws.YearGroup();
            var dateOfBirth = Draws.DateOfBirthFor(yearGroup);
            yearGroup = SchoolYear.YearGroupFor(dateOfBirth, today);
            var schools = SchoolYear.PhaseOf(yearGroup) == Phase.Primary ? primaries : secondaries;
            var (homeUrn, home) = schools[random.Next(schools.Count)];

            // Most pupils here have a plan; the rest have an EHC needs assessment under way.
            var hasPlan = random.NextDouble() < 0.82;
            var id = Draws.NewPupilId();
            var upn = NewUpn(homeUrn, home.Profile!.Phase, yearGroup);
            while (la.PupilIdsByUpn.ContainsKey(upn)) upn = NewUpn(homeUrn, home.Profile.Phase, yearGroup);
            var record = new PupilRecord(
                upn, Initials(), dateOfBirth, homeUrn, hasPlan ? SenProvision.EhcPlan : SenProvision.SenSupport,
                Pick(Needs), random.NextDouble() < 0.08);
            var pupil = new PupilState { Record = record, Ehcp = hasPlan ? RecentPlan() : OpenRequest() };
            if (pupil.Ehcp is { } ehcp)
            {
                la.EhcpCases[id] = new EhcpCaseEntry(id, homeUrn, ehcp);
                if (ehcp.FinalIssuedOn is { } final)
                {
                    la.EhcpFinalIssued++;
                    if (EhcTimeline.IssuedWithin20Weeks(ehcp.RequestedOn, final)) la.EhcpIssuedWithin20Weeks++;
                }
            }

            la.PupilIdsByUpn[upn] = id;
            home.PupilIds.Add(id);
            world.Pupils[id] = pupil;
            pupils.Add((id, pupil));
        }

        return pupils;
    }

    /// <summary>About a third of the plans were issued in the last two years and so are on the LA's tracker; the rest are older.</summary>
    private EhcpCaseRecord? RecentPlan()
    {
        if (random.NextDouble() >= 0.3) return null;
        var requested = today.AddDays(-random.Next(200, 730));
        var decision = requested.AddDays(random.Next(28, 50));
        var draft = decision.AddDays(random.Next(50, 90));
        var final = draft.AddDays(random.Next(15, 50));
        return new EhcpCaseRecord(requested, EhcpStage.FinalIssued, decision, draft, final, final);
    }

    /// <summary>A request somewhere in its 20 weeks, some of them late: the cases the deadline tracker watches.</summary>
    private EhcpCaseRecord OpenRequest()
    {
        var requested = today.AddDays(-random.Next(1, 200));
        var elapsed = today.DayNumber - requested.DayNumber;
        if (elapsed < 35 || random.NextDouble() < 0.1) return new EhcpCaseRecord(requested, EhcpStage.Requested, null, null, null, requested);
        var decision = requested.AddDays(random.Next(28, Math.Min(elapsed, 50) + 1));
        if (elapsed < 110 || random.NextDouble() < 0.4) return new EhcpCaseRecord(requested, EhcpStage.Assessing, decision, null, null, decision);
        var draft = decision.AddDays(random.Next(40, Math.Max(41, today.DayNumber - decision.DayNumber)));
        if (draft > today) draft = today;
        return new EhcpCaseRecord(requested, EhcpStage.DraftIssued, decision, draft, null, draft);
    }

    /// <summary>
    /// AP histories: one or two placements per pupil, each with the referral that led to it. Earlier
    /// placements have ended; the latest is still active when a setting serving the pupil's key stage
    /// has the place (taken from its capacity, as ReservePlaceAsync would), and ended otherwise.
    /// </summary>
    private void Placements(SeedTenantWorld world, List<(string Id, PupilState State)> pupils, List<(string Urn, ApSettingState State)> settings)
    {
        var aggregates = world.LocalAuthority.Placements;
        var candidates = pupils.Where(p => p.State.Record!.YearGroupOn(today) >= 1).ToArray();
        random.Shuffle(candidates);
        foreach (var (id, pupil) in candidates.Take(plan.PupilsWithApHistory))
        {
            var record = pupil.Record!;
            var keyStage = record.KeyStageOn(today);
            var serving = settings.Where(s => s.State.Profile!.KeyStages.Contains(keyStage)).ToArray();
            if (serving.Length == 0) continue;
            var count = random.NextDouble() < 0.25 ? 2 : 1;
            var wantsActive = random.NextDouble() < 0.4;

            // Walk back from now: the latest placement first, each earlier one ending before the next starts.
            var starts = new DateOnly[count];
            var nextStart = today.AddDays(7);
            for (var n = count - 1; n >= 0; n--)
            {
                starts[n] = PupilDraws.MondayOnOrBefore(nextStart.AddDays(-7 * random.Next(n == count - 1 && wantsActive ? 1 : 8, 40)));
                nextStart = starts[n];
            }

            for (var n = 0; n < count; n++)
            {
                var number = n + 1;
                var placementId = PupilScopedIds.Placement(id, number);
                var referralId = PupilScopedIds.Referral(id, number);
                var start = starts[n];
                var plannedEnd = start.AddDays(7 * random.Next(6, 17));
                var (apUrn, setting) = serving[random.Next(serving.Length)];
                var fullTime = setting.Profile!.Registered && random.NextDouble() < 0.25;
                Session[] sessions = fullTime ? [] : PickSessions();
                var active = n == count - 1 && wantsActive && HasRoom(setting, fullTime, sessions);
                DateOnly? end = null;
                PlacementOutcome? outcome = null;
                if (!active)
                {
                    var latestEnd = n == count - 1 ? today.AddDays(-1) : starts[n + 1].AddDays(-1);
                    var endDay = start.AddDays(random.Next(14, Math.Max(15, plannedEnd.DayNumber - start.DayNumber + 21)));
                    end = endDay > latestEnd ? latestEnd : endDay < start ? start : endDay;
                    outcome = random.NextDouble() switch
                    {
                        < 0.55 => PlacementOutcome.ReturnedToMainstream,
                        < 0.75 => PlacementOutcome.MovedToSpecialSchool,
                        < 0.87 => PlacementOutcome.MovedToOtherAp,
                        < 0.93 => PlacementOutcome.LeftEducation,
                        _ => PlacementOutcome.Other,
                    };
                }

                var decided = start.AddDays(-random.Next(3, 15));
                var submitted = decided.AddDays(-random.Next(7, 28));
                pupil.Referrals.Add(new ReferralRecord(
                    referralId, submitted, Pick(Reasons), ["Pastoral support plan", "Reduced timetable", "Mentoring"], ReferralStatus.Placed,
                    decided, ["Inclusion lead", "Educational psychologist", "Headteacher"], ParentalConsent: true, decided, placementId));
                var reviews = (end ?? today).DayNumber - start.DayNumber >= 42
                    ? new List<PlacementReviewRecord> { new(start.AddDays(42), Math.Round(60 + (random.NextDouble() * 38), 1), random.Next(0, 3), random.Next(2, 6), random.Next(2, 6), null) }
                    : [];
                pupil.Placements.Add(new PlacementRecord(
                    placementId, apUrn, start, plannedEnd, fullTime, sessions, PlacementRules.ApRegistration(fullTime), end, referralId,
                    ["Reintegration", "Improve attendance"], 6, reviews, outcome, outcome is { } o && end is { } e ? EndingRules.ReintegrationCheckIn(o, e) : null));

                var started = new PlacementFact(placementId, id, record.DateOfBirth, record.YearGroupOn(start), fullTime, Outcome: null);
                aggregates.Started(started);
                if (active)
                {
                    setting.HeldPlaces[placementId] = new HeldPlace(id, fullTime, sessions, SchoolYear.IsOfCompulsorySchoolAge(record.DateOfBirth, start));
                }
                else
                {
                    setting.ReleasedPlaces[placementId] = id;
                    aggregates.EndedWith(started with { YearGroup = record.YearGroupOn(end!.Value), Outcome = outcome });
                }
            }
        }
    }

    /// <summary>About one pupil in ten waits for a special school, a fifth of them on two lists, mostly at a school designated for their need.</summary>
    private void WaitingLists(SeedTenantWorld world, List<(string Id, PupilState State)> pupils, List<(string Urn, SpecialSchoolState State)> specials)
    {
        foreach (var (id, pupil) in pupils)
        {
            if (random.NextDouble() >= 0.1) continue;
            var need = pupil.Record!.PrimaryNeed;
            var fitting = specials.Where(s => need is { } n && s.State.Profile!.Designations.Contains(n)).ToArray();
            var first = fitting.Length > 0 ? fitting[random.Next(fitting.Length)] : specials[random.Next(specials.Count)];
            var addedOn = today.AddDays(-random.Next(7, 500));
            AddEntry(world, id, pupil, first, addedOn);
            if (specials.Count > 1 && random.NextDouble() < 0.2)
            {
                var second = specials[random.Next(specials.Count)];
                if (second.Urn != first.Urn) AddEntry(world, id, pupil, second, addedOn.AddDays(random.Next(0, 30)) is var d && d > today ? today : d);
            }
        }
    }

    private static void AddEntry(SeedTenantWorld world, string pupilId, PupilState pupil, (string Urn, SpecialSchoolState State) school, DateOnly addedOn)
    {
        var number = ++school.State.LastEntryNumber;
        school.State.Entries[number] = new WaitingEntry(number, pupilId, addedOn, WaitingStatus.Waiting, null, null, null);
        var entryId = WaitingListIds.For(school.Urn, number);
        pupil.WaitingListEntryIds.Add(entryId);
        world.LocalAuthority.OpenWaitingEntries[entryId] = new WaitingFact(entryId, pupilId, addedOn, Open: true);
    }

    /// <summary>
    /// Two outreach requests per AP setting; the first two thirds were allocated at a setting with the
    /// hours and the caseload for them (the allocator's own check), the rest wait for the next round.
    /// </summary>
    private void Outreach(
        SeedTenantWorld world, List<(string Urn, SchoolState State)> primaries, List<(string Urn, SchoolState State)> secondaries,
        List<(string Urn, ApSettingState State)> settings)
    {
        var count = plan.ApSettings * 2;
        for (var i = 0; i < count; i++)
        {
            var schools = random.NextDouble() < 0.6 ? primaries : secondaries;
            var (schoolUrn, school) = schools[random.Next(schools.Count)];
            var hours = random.Next(2, 9) / 2.0;
            var requestedOn = today.AddDays(-random.Next(1, 60));
            var request = new OutreachRequestRecord(
                string.Create(CultureInfo.InvariantCulture, $"or-{i + 1}"), schoolUrn, school.Profile!.Location, null, null, null,
                Pick(SyntheticNames.OutreachReasons), random.Next(0, 5), hours, requestedOn, Allocation: null);
            if (i < count * 2 / 3)
            {
                foreach (var (apUrn, setting) in settings.OrderBy(_ => random.Next()))
                {
                    if (OutreachAllocator.Fits(setting.OutreachHoursPerWeek, setting.OutreachHoursAllocated, setting.OutreachAllocations.Count, hours, OutreachCaseloadCap.Default) is not null)
                    {
                        continue;
                    }

                    setting.OutreachAllocations[request.Id] = hours;
                    setting.OutreachHoursAllocated += hours;
                    request = request with { Allocation = new OutreachAllocationRecord(apUrn, hours, requestedOn.AddDays(7) > today ? today : requestedOn.AddDays(7)) };
                    break;
                }
            }

            world.OutreachBoard.Requests.Add(request);
        }
    }

    private ApSettingState ApSetting(int index)
    {
        // The first two always exist and between them serve every key stage a pupil in AP can be in.
        var type = index < 2
            ? ApSettingType.PupilReferralUnit
            : random.NextDouble() switch
            {
                < 0.35 => ApSettingType.PupilReferralUnit,
                < 0.6 => ApSettingType.ApAcademy,
                < 0.7 => ApSettingType.ApFreeSchool,
                < 0.85 => ApSettingType.IndependentSchool,
                _ => ApSettingType.UnregisteredProvider,
            };
        KeyStage[] keyStages = index switch
        {
            0 => [KeyStage.Ks1, KeyStage.Ks2],
            1 => [KeyStage.Ks3, KeyStage.Ks4],
            _ => random.NextDouble() switch
            {
                < 0.3 => [KeyStage.Ks1, KeyStage.Ks2],
                < 0.8 => [KeyStage.Ks3, KeyStage.Ks4],
                _ => [KeyStage.Ks2, KeyStage.Ks3],
            },
        };
        var registered = type != ApSettingType.UnregisteredProvider;
        var fullTime = type switch
        {
            ApSettingType.PupilReferralUnit => random.Next(12, 41),
            ApSettingType.ApAcademy => random.Next(10, 41),
            ApSettingType.ApFreeSchool => random.Next(8, 25),
            ApSettingType.IndependentSchool => random.Next(4, 17),
            _ => 0,
        };
        var outreach = type switch
        {
            ApSettingType.PupilReferralUnit or ApSettingType.ApAcademy => random.Next(4, 13) * 2.5,
            ApSettingType.ApFreeSchool => random.Next(0, 7) * 2.5,
            _ => 0,
        };
        var name = $"{plan.Name} {Pick(SyntheticNames.PlaceWords)} {type switch
        {
            ApSettingType.PupilReferralUnit => "Pupil Referral Unit",
            ApSettingType.ApAcademy => "Alternative Provision Academy",
            ApSettingType.ApFreeSchool => "AP Free School",
            ApSettingType.IndependentSchool => "Independent School",
            _ => "Outdoor Learning",
        }} {index + 1}";
        return new ApSettingState
        {
            Profile = new ApSettingProfile(name, type, registered, keyStages, [NeedType.Semh], Near()),
            FullTimePlaces = fullTime,
            SessionPlaces = Sessions.All.ToDictionary(
                s => s,
                s => s == Session.FriPm && random.NextDouble() < 0.75 ? 0 : registered ? random.Next(3, 12) : random.Next(1, 5)),
            OutreachHoursPerWeek = outreach,
            UpdatedAt = now,
            Version = 1,
        };
    }

    private SpecialSchoolState SpecialSchool(int index)
    {
        NeedType[] designations = random.NextDouble() switch
        {
            < 0.3 => [NeedType.Asd, NeedType.Slcn],
            < 0.5 => [NeedType.Semh],
            < 0.7 => [NeedType.Mld, NeedType.Asd],
            < 0.85 => [NeedType.Sld, NeedType.Pmld],
            _ => [NeedType.Pd, NeedType.Hi, NeedType.Spld],
        };
        var places = random.Next(50, 221);
        return new SpecialSchoolState
        {
            Profile = new SpecialSchoolProfile($"{plan.Name} {Pick(SyntheticNames.PlaceWords)} School {index + 1}", designations, Near()),
            Places = places,
            // Nearly every special school is full, which is why pupils wait; a few have a place or three.
            PlacesTaken = places - (index % 3 == 1 ? random.Next(1, 4) : 0),
            UpdatedAt = now,
        };
    }

    private static bool HasRoom(ApSettingState setting, bool fullTime, Session[] sessions) =>
        fullTime
            ? setting.HeldPlaces.Values.Count(p => p.FullTime) < setting.FullTimePlaces
            : sessions.All(s => setting.HeldPlaces.Values.Count(p => p.Sessions.Contains(s)) < setting.SessionPlaces.GetValueOrDefault(s));

    private Session[] PickSessions()
    {
        var all = Sessions.All.ToArray();
        random.Shuffle(all);
        return [.. all.Take(random.Next(2, 7)).Order()];
    }



    /// <summary>A permanent UPN as the home school allocated it on entry: LA code, establishment number, year of allocation, serial.</summary>
    private string NewUpn(string homeUrn, Phase phase, int yearGroup)
    {
        var establishment = (phase == Phase.Primary ? "2" : "4") + homeUrn[^3..];
        var allocated = SchoolYear.AcademicYearStart(today).Year - yearGroup;
        var serial = upnSerials[(homeUrn, allocated)] = upnSerials.GetValueOrDefault((homeUrn, allocated)) + 1;
        var last12 = string.Create(CultureInfo.InvariantCulture, $"{plan.Code}{establishment}{allocated % 100:D2}{serial % 1000:D3}");
        return Upn.CheckLetterFor(last12) + last12;
    }

    private Location Near()
    {
        var distanceKm = radiusKm * Math.Sqrt(random.NextDouble());
        var bearing = random.NextDouble() * 2 * Math.PI;
        var latitude = centreLatitude + (distanceKm * Math.Cos(bearing) / 111.32);
        var longitude = centreLongitude + (distanceKm * Math.Sin(bearing) / (111.32 * Math.Cos(centreLatitude * Math.PI / 180)));
        return new Location(Math.Round(latitude, 5), Math.Round(longitude, 5));
    }

    private static string Urn(int value) => value.ToString("D6", CultureInfo.InvariantCulture);

    private string Initials() => new([Pick(SyntheticNames.InitialLetters), Pick(SyntheticNames.InitialLetters)]);

    private T Pick<T>(IReadOnlyList<T> options) => options[random.Next(options.Count)];
}
