using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Domain;

namespace ApGrid.Server.Tests.Cluster;

/// <summary>
/// A bounded client load through one HTTP address: availability updates on a few settings and
/// placements from referrals approved beforehand. It remembers every write the API acknowledged and
/// when requests failed, and can then check that every acknowledged write is stored.
/// </summary>
internal sealed class WriteLoad(HttpClient http, string laToken)
{
    private readonly ConcurrentDictionary<string, int> lastPlaces = new();
    private readonly ConcurrentBag<(string PupilId, string PlacementId)> placements = [];
    private readonly ConcurrentBag<TimeSpan> failures = [];
    private readonly ConcurrentQueue<string> referrals = new();
    private List<JsonElement> settings = [];
    private string placementUrn = "";
    private int requests;
    private int acknowledged;

    public int Requests => requests;

    /// <summary>The last error the API answered with, for the test's output.</summary>
    public string? LastError { get; private set; }

    public int Prepared => referrals.Count;

    public int Acknowledged => acknowledged;

    public IReadOnlyCollection<TimeSpan> Failures => failures;

    /// <summary>Picks four settings to update and one KS3 setting with room for every placement, and approves the referrals to place.</summary>
    public async Task PrepareAsync(string schoolToken, string schoolUrn, int referralCount)
    {
        // The first read activates the LA and its settings; on a busy machine that can outlast the client's timeout.
        JsonElement? read = null;
        for (var attempt = 0; attempt < 5 && read is null; attempt++)
        {
            read = await PostAsync(laToken, "{ localAuthority { apSettings { urn keyStages fullTimePlaces sessions { session places } outreachHoursPerWeek } } }", null);
            if (read is null) await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var data = read ?? throw new InvalidOperationException($"could not read the settings: {LastError}");
        var all = data.GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray().Select(s => s.Clone()).ToList();
        var ks3 = all.First(s => s.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == "KS3"));
        placementUrn = ks3.GetProperty("urn").GetString()!;
        settings = [.. all.Where(s => s.GetProperty("urn").GetString() != placementUrn).Take(4)];
        var opened = await PostAsync(laToken, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
        {
            input = new
            {
                urn = placementUrn,
                fullTimePlaces = ks3.GetProperty("fullTimePlaces").GetInt32(),
                sessions = ks3.GetProperty("sessions").EnumerateArray().Select(x => new
                {
                    session = x.GetProperty("session").GetString(),
                    places = x.GetProperty("session").GetString() == "THU_AM" ? 400 : x.GetProperty("places").GetInt32(),
                }),
                outreachHoursPerWeek = ks3.GetProperty("outreachHoursPerWeek").GetDouble(),
            },
        });
        if (opened is null) throw new InvalidOperationException("could not open places for the load");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < referralCount; i++)
        {
            var last12 = "901" + "6" + Random.Shared.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture) + "27" + Random.Shared.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture);
            var pupil = await PostAsync(schoolToken, "mutation($input: RegisterPupilInput!) { registerPupil(input: $input) { id } }", new
            {
                input = new
                {
                    upn = Upn.CheckLetterFor(last12) + last12, initials = "FT",
                    dateOfBirth = SchoolYear.AcademicYearStart(today).AddYears(-13).AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    yearGroup = 8, homeSchoolUrn = schoolUrn, senProvision = "SEN_SUPPORT", primaryNeed = "SEMH", lookedAfter = false,
                },
            });
            if (pupil is null) continue;
            var pupilId = pupil.Value.GetProperty("registerPupil").GetProperty("id").GetString();
            var referral = await PostAsync(schoolToken, "mutation($id: ID!) { submitReferral(input: { pupilId: $id, reason: \"Fault test\", strategiesTried: [\"Pastoral plan\"] }) { id } }", new { id = pupilId });
            var referralId = referral!.Value.GetProperty("submitReferral").GetProperty("id").GetString()!;
            var on = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await PostAsync(schoolToken, "mutation($id: ID!, $on: Date!) { recordParentalConsent(referralId: $id, noticeGivenOn: $on) { id } }", new { id = referralId, on });
            if (await PostAsync(laToken, "mutation($id: ID!, $on: Date!) { decideReferral(input: { referralId: $id, approved: true, panelMembers: [\"Inclusion lead\", \"Educational psychologist\"], decidedOn: $on }) { id } }", new { id = referralId, on }) is not null)
            {
                referrals.Enqueue(referralId);
            }
        }
    }

    /// <summary>Runs until the time is up; the fault is injected by the caller meanwhile.</summary>
    public async Task RunAsync(TimeSpan duration, Stopwatch clock)
    {
        // The cluster's LA has entered no terms, so its school days are the generated defaults:
        // a week on, unless a holiday makes the two school days' notice longer.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var year = SchoolYear.AcademicYearStart(today).Year;
        var earliest = ConsentRules.EarliestStart(new SchoolCalendar([DefaultTermDates.For(year), DefaultTermDates.For(year + 1)]), today);
        var startDay = earliest > today.AddDays(7) ? earliest : today.AddDays(7);
        var start = startDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = startDay.AddDays(56).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var updates = settings.Select((setting, worker) => Task.Run(async () =>
        {
            for (var i = 1; clock.Elapsed < duration; i++)
            {
                var places = setting.GetProperty("fullTimePlaces").GetInt32() + 1 + (i % 50);
                var ok = await PostAsync(laToken, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
                {
                    input = new
                    {
                        urn = setting.GetProperty("urn").GetString(),
                        fullTimePlaces = places,
                        sessions = setting.GetProperty("sessions").EnumerateArray().Select(x => new { session = x.GetProperty("session").GetString(), places = x.GetProperty("places").GetInt32() }),
                        outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
                    },
                }) is not null;
                Tally(ok, clock);
                if (ok) lastPlaces[setting.GetProperty("urn").GetString()!] = places;
                await Task.Delay(20);
            }
        }));
        var starts = Task.Run(async () =>
        {
            while (clock.Elapsed < duration && referrals.TryDequeue(out var referralId))
            {
                var placed = await PostAsync(laToken, "mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id pupil { id } } }", new
                {
                    input = new { referralId, apUrn = placementUrn, startDate = start, plannedEndDate = end, fullTime = false, sessions = new[] { "THU_AM" }, objectives = new[] { "Reintegration" }, reviewEveryWeeks = 4, idempotencyKey = referralId },
                });
                Tally(placed is not null, clock);
                if (placed is { } p) placements.Add((p.GetProperty("startPlacement").GetProperty("pupil").GetProperty("id").GetString()!, p.GetProperty("startPlacement").GetProperty("id").GetString()!));
                else referrals.Enqueue(referralId); // retried later with the same idempotency key
                await Task.Delay(100);
            }
        });
        await Task.WhenAll(updates.Append(starts));
    }

    /// <summary>Every acknowledged write, read back through <paramref name="reader"/>; returns what is missing.</summary>
    public async Task<(int Checked, List<string> Missing)> VerifyAsync(HttpClient reader)
    {
        var missing = new List<string>();
        foreach (var (urn, places) in lastPlaces)
        {
            var setting = await ReadWithRetriesAsync("query($urn: String!) { apSetting(urn: $urn) { fullTimePlaces } }", new { urn }, reader);
            var stored = setting?.GetProperty("apSetting").GetProperty("fullTimePlaces").GetInt32();
            // The write in flight at the fault may have landed without an answer: then the next value is stored.
            if (stored is null || (stored != places && stored != places + 1 && stored != places - 49)) missing.Add($"setting {urn}: acknowledged {places}, stored {stored}");
        }

        foreach (var (pupilId, placementId) in placements)
        {
            var pupil = await ReadWithRetriesAsync("query($id: ID!) { pupil(id: $id) { placements { id status } } }", new { id = pupilId }, reader);
            var found = pupil?.GetProperty("pupil").GetProperty("placements").EnumerateArray().Any(p => p.GetProperty("id").GetString() == placementId && p.GetProperty("status").GetString() == "ACTIVE");
            if (found != true) missing.Add($"placement {placementId}");
        }

        return (lastPlaces.Count + placements.Count, missing);
    }

    public string Figures(TimeSpan faultAt)
    {
        var when = failures.IsEmpty
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" between +{(failures.Min() - faultAt).TotalSeconds:F1} s and +{(failures.Max() - faultAt).TotalSeconds:F1} s after the fault");
        return string.Create(CultureInfo.InvariantCulture, $"{requests} requests, {acknowledged} acknowledged ({placements.Count} placements), {failures.Count} failed{when}");
    }

    /// <summary>A read after the fault: a timeout on a busy machine is retried; a missing record stays missing.</summary>
    private async Task<JsonElement?> ReadWithRetriesAsync(string query, object variables, HttpClient reader)
    {
        for (var attempt = 1; ; attempt++)
        {
            var data = await PostAsync(laToken, query, variables, reader);
            if (data is not null || attempt == 5) return data;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private void Tally(bool ok, Stopwatch clock)
    {
        Interlocked.Increment(ref requests);
        if (ok) Interlocked.Increment(ref acknowledged);
        else failures.Add(clock.Elapsed);
    }

    private async Task<JsonElement?> PostAsync(string token, string query, object? variables, HttpClient? client = null)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await (client ?? http).SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                LastError = $"HTTP {(int)response.StatusCode}";
                return null;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (body.TryGetProperty("errors", out var errors)) LastError = errors.GetRawText();
            return body.TryGetProperty("errors", out _) ? null : body.GetProperty("data").Clone();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }
}
