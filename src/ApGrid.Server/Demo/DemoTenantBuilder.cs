using System.Globalization;
using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Server.Demo;

/// <summary>Builds one demo tenant from its spec, tracking free places so no placement overbooks.</summary>
internal sealed class DemoTenantBuilder(DemoTenantSpec spec, DateOnly today)
{
    private static readonly string[] Places =
    [
        "Meadow", "Oakfield", "Riverside", "Hillcrest", "Brookside", "Ashgrove", "Kingsway", "Fernhill", "Elmwood",
        "Highfield", "Westgate", "Millbrook", "Hollybank", "Parkside", "Cedar", "Larchwood", "Thornbury", "Willow",
        "Beacon", "Marsh Lane", "Church Road", "Orchard", "Foxhill", "Greenway", "Lakeside", "Moorland", "Stonebridge",
        "Redhill", "Bramley", "Copse", "Heather", "Kestrel", "Linden", "Northgate", "Poplar", "Quarry Bank", "Rowan",
        "Sandfield", "Tannery", "Upton", "Valley", "Wharf", "Yew Tree", "Abbey", "Barley", "Chapel", "Dale", "Eastfield",
    ];

    private static readonly NeedType[][] SpecialDesignations =
    [
        [NeedType.Semh], [NeedType.Asd, NeedType.Slcn], [NeedType.Mld, NeedType.Asd], [NeedType.Sld, NeedType.Pmld],
        [NeedType.Pd, NeedType.Msi], [NeedType.Semh, NeedType.Asd], [NeedType.Mld, NeedType.Slcn], [NeedType.Hi, NeedType.Vi],
    ];

    private readonly Random random = new(spec.Seed);
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    public DemoTenant Build()
    {
        var profile = new LocalAuthorityProfile(spec.Code, spec.Name, spec.RoadFactor, spec.AverageSpeedKmh, 45, 75);
        var urnBase = int.Parse(spec.Code, CultureInfo.InvariantCulture) % 10 * 100000;
        var schools = Enumerable.Range(0, spec.PrimarySchools + spec.SecondarySchools)
            .Select(i => School(Urn(urnBase + 10000 + i), i < spec.PrimarySchools ? Phase.Primary : Phase.Secondary))
            .ToList();
        var settings = spec.ApSettingTypes.Select((type, i) => ApSetting(Urn(urnBase + 40000 + i), type, i)).ToList();
        var specials = Enumerable.Range(0, spec.SpecialSchools).Select(i => SpecialSchool(Urn(urnBase + 20000 + i), i)).ToList();
        var pupils = Pupils(schools, settings);
        return new DemoTenant(profile, schools, settings, specials, pupils);
    }

    private static string Urn(int value) => value.ToString("D6", CultureInfo.InvariantCulture);

    private DemoSchool School(string urn, Phase phase) =>
        new(urn, new SchoolProfile(UniqueName(phase == Phase.Primary ? "Primary School" : "Academy"), phase, Near()));

    private DemoApSetting ApSetting(string urn, ApSettingType type, int index)
    {
        var registered = type != ApSettingType.UnregisteredProvider;
        KeyStage[] keyStages = (index % 3) switch
        {
            0 => [KeyStage.Ks1, KeyStage.Ks2],
            1 => [KeyStage.Ks3, KeyStage.Ks4],
            _ => [KeyStage.Ks1, KeyStage.Ks2, KeyStage.Ks3, KeyStage.Ks4],
        };
        NeedType[] specialisms = (index % 4) switch
        {
            0 => [NeedType.Semh],
            1 => [NeedType.Semh, NeedType.Asd],
            2 => [NeedType.Semh, NeedType.Slcn],
            _ => [NeedType.Semh, NeedType.Asd, NeedType.Slcn],
        };
        var kind = type switch
        {
            ApSettingType.PupilReferralUnit => "Pupil Referral Unit",
            ApSettingType.ApAcademy => "AP Academy",
            ApSettingType.ApFreeSchool => "AP Free School",
            ApSettingType.IndependentSchool => "Independent School",
            _ => "Learning Project",
        };
        var fullTime = registered ? random.Next(8, 41) : random.Next(0, 5);
        var sessions = Sessions.All
            .Select(s => new SessionPlaces(s, s == Session.FriPm ? random.Next(0, 2) : random.Next(registered ? 2 : 0, registered ? 9 : 4)))
            .ToList();
        var outreach = registered ? random.Next(0, 7) * 5.0 : 0;
        var profile = new ApSettingProfile(UniqueName(kind), type, registered, keyStages, specialisms, Near());
        return new DemoApSetting(urn, profile, new ApAvailability(fullTime, sessions, outreach));
    }

    private DemoSpecialSchool SpecialSchool(string urn, int index)
    {
        var places = random.Next(40, 221);
        var taken = places - (index % 3 == 0 ? random.Next(1, 4) : 0);
        var designations = SpecialDesignations[index % SpecialDesignations.Length];
        return new DemoSpecialSchool(urn, new SpecialSchoolProfile(UniqueName("Special School"), designations, Near()), places, taken);
    }

    private List<DemoPupil> Pupils(List<DemoSchool> schools, List<DemoApSetting> settings)
    {
        var fullTimeFree = settings.ToDictionary(s => s.Urn, s => s.Availability.FullTimePlaces);
        var sessionFree = settings.ToDictionary(s => s.Urn, s => s.Availability.Sessions.ToDictionary(p => p.Session, p => p.Places));
        var unregisteredFullTime = settings.ToDictionary(s => s.Urn, _ => 0);
        var academicYearStart = SchoolYear.AcademicYearStart(today);
        var pupils = new List<DemoPupil>();
        for (var serial = 1; pupils.Count < spec.PupilsInAp && serial < spec.PupilsInAp * 10; serial++)
        {
            var yearGroup = Pick(1, 2, 3, 4, 5, 6, 5, 4, 6, 7, 8, 9, 9, 10, 11, 8);
            var keyStage = SchoolYear.KeyStageOf(yearGroup);
            var dateOfBirth = academicYearStart.AddYears(-(yearGroup + 5)).AddDays(random.Next(0, 365));
            var sen = random.NextDouble() switch { < 0.4 => SenProvision.EhcPlan, < 0.8 => SenProvision.SenSupport, _ => SenProvision.None };
            NeedType? need = sen == SenProvision.None ? null : Pick(NeedType.Semh, NeedType.Semh, NeedType.Semh, NeedType.Asd, NeedType.Slcn);
            var lookedAfter = random.NextDouble() < 0.1;
            var phase = SchoolYear.PhaseOf(yearGroup);
            var candidates = schools.Where(s => s.Profile.Phase == phase).ToList();
            var home = candidates[random.Next(candidates.Count)];
            var start = today.AddDays(-random.Next(7, 141));
            var placement = ChoosePlacement(settings, keyStage, sen == SenProvision.EhcPlan || lookedAfter, fullTimeFree, sessionFree, unregisteredFullTime);
            if (placement is null) continue;

            var id = "p-" + random.Next().ToString("x8", CultureInfo.InvariantCulture) + serial.ToString("x2", CultureInfo.InvariantCulture);
            var last12 = spec.Code + home.Urn[^4..] + ((academicYearStart.Year - yearGroup) % 100).ToString("D2", CultureInfo.InvariantCulture)
                + (100 + serial).ToString("D3", CultureInfo.InvariantCulture);
            var record = new PupilRecord(Upn.CheckLetterFor(last12) + last12, Initials(), dateOfBirth, yearGroup, home.Urn, sen, need, lookedAfter);
            var (urn, fullTime, sessions) = placement.Value;
            pupils.Add(new DemoPupil(id, record, new PlacementRequest("pl-" + id, urn, start, start.AddDays(random.Next(42, 113)), fullTime, sessions)));
        }

        return pupils;
    }

    /// <summary>Most pupils in AP attend part time; a full-time place at an unregistered provider never breaks the registration rule.</summary>
    private (string Urn, bool FullTime, Session[] Sessions)? ChoosePlacement(
        List<DemoApSetting> settings, KeyStage keyStage, bool protectedPupil,
        Dictionary<string, int> fullTimeFree, Dictionary<string, Dictionary<Session, int>> sessionFree, Dictionary<string, int> unregisteredFullTime)
    {
        var serving = settings.Where(s => s.Profile.KeyStages.Contains(keyStage)).OrderBy(_ => random.Next()).ToList();
        foreach (var setting in serving)
        {
            var wantsFullTime = random.NextDouble() < 0.3;
            var fullTimeAllowed = setting.Profile.Registered || (!protectedPupil && unregisteredFullTime[setting.Urn] < 4);
            if (wantsFullTime && fullTimeAllowed && fullTimeFree[setting.Urn] > 0)
            {
                fullTimeFree[setting.Urn]--;
                if (!setting.Profile.Registered) unregisteredFullTime[setting.Urn]++;
                return (setting.Urn, true, []);
            }

            var open = sessionFree[setting.Urn].Where(p => p.Value > 0).Select(p => p.Key).OrderBy(_ => random.Next()).ToList();
            if (open.Count < 2) continue;
            var chosen = open.Take(random.Next(2, Math.Min(6, open.Count) + 1)).Order().ToArray();
            foreach (var session in chosen) sessionFree[setting.Urn][session]--;
            return (setting.Urn, false, chosen);
        }

        return null;
    }

    private Location Near()
    {
        // Uniform over the disc: the square root keeps settings from crowding the centre.
        var distanceKm = spec.RadiusKm * Math.Sqrt(random.NextDouble());
        var bearing = random.NextDouble() * 2 * Math.PI;
        var latitude = spec.CentreLatitude + distanceKm * Math.Cos(bearing) / 111.32;
        var longitude = spec.CentreLongitude + distanceKm * Math.Sin(bearing) / (111.32 * Math.Cos(spec.CentreLatitude * Math.PI / 180));
        return new Location(Math.Round(latitude, 5), Math.Round(longitude, 5));
    }

    private string UniqueName(string kind)
    {
        for (var attempt = 0; ; attempt++)
        {
            var place = Places[random.Next(Places.Length)];
            var name = attempt < 20 ? $"{spec.Name} {place} {kind}" : $"{spec.Name} {place} {kind} {attempt}";
            if (names.Add(name)) return name;
        }
    }

    private string Initials() => new([(char)('A' + random.Next(26)), (char)('A' + random.Next(26))]);

    private T Pick<T>(params T[] options) => options[random.Next(options.Length)];
}
