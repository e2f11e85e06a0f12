using System.Text.Json;

namespace ApGrid.LoadTest;

/// <summary>
/// setApAvailability with one closed-loop writer per AP setting of the chosen tenants (<c>--write-tenants</c>,
/// at most <c>--writers</c> settings). Each writer moves its setting's full-time places between two values
/// and sends the next update only when the last was acknowledged (the server stores every update before
/// acknowledging it); afterwards every setting is read back through the API and must show its last
/// acknowledged value. That read sees the live grain: that the rows survive a kill is the fault tests' part.
/// </summary>
internal sealed class AvailabilityWriters(LoadOptions options, ApGridClient gateway)
{
    private const string SettingsQuery = "{ localAuthority { apSettings { urn fullTimePlaces sessions { session places } outreachHoursPerWeek } } }";
    private const string Mutation = "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { version: updatedAt } }";

    public async Task<ScenarioResult> RunAsync(TimeSpan duration)
    {
        var writers = new List<Writer>();
        foreach (var tenant in options.WriteTenants)
        {
            var token = await gateway.DevTokenAsync(tenant, "LA_OFFICER");
            writers.AddRange((await SettingsAsync(token)).Select(s => new Writer(token, s)));
        }

        if (options.Writers > 0 && options.Writers < writers.Count) writers = writers[..options.Writers];
        var name = $"setApAvailability, gateway ({writers.Count} settings of {string.Join("+", options.WriteTenants)})";

        // Unmeasured, as long as the reads' warm-up: JIT, connection pools and every setting's activation.
        // With 3 s, a run of writes alone met code still in its instrumented tier 30 s in, and cost four
        // times the CPU per update of the same writes run after the reads (2026-12-02).
        await LoadRunner.ClosedLoopAsync("warm-up", writers.Count, TimeSpan.FromSeconds(options.WarmUpSeconds), w => UpdateAsync(writers[w]));
        var result = await LoadRunner.ClosedLoopAsync(name, writers.Count, duration, w => UpdateAsync(writers[w]));

        var stored = 0;
        foreach (var group in writers.GroupBy(w => w.Token))
        {
            var now = (await SettingsAsync(group.Key)).ToDictionary(s => s.GetProperty("urn").GetString()!, s => s.GetProperty("fullTimePlaces").GetInt32());
            stored += group.Count(w => w.LastAcknowledged is { } places && now[w.Urn] == places);
        }

        Console.WriteLine($"read back: {stored} of {writers.Count} settings hold their last acknowledged update");
        return stored == writers.Count ? result : result with { Name = result.Name + " - READ-BACK MISMATCH" };
    }

    private async Task<List<JsonElement>> SettingsAsync(string token) =>
        [.. (await gateway.GraphQLAsync(token, SettingsQuery))!.Value.GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray().Select(s => s.Clone())];

    private async Task<bool> UpdateAsync(Writer writer)
    {
        var places = writer.BasePlaces + 1 + (writer.Sent++ % 2);
        var acknowledged = await gateway.GraphQLOkAsync(writer.Token, ApGridClient.Body(Mutation, new
        {
            input = new { urn = writer.Urn, fullTimePlaces = places, sessions = writer.Sessions, outreachHoursPerWeek = writer.OutreachHours },
        }));
        writer.LastAcknowledged = acknowledged ? places : null;
        return acknowledged;
    }

    private sealed class Writer(string token, JsonElement setting)
    {
        public string Token { get; } = token;

        public string Urn { get; } = setting.GetProperty("urn").GetString()!;

        public int BasePlaces { get; } = setting.GetProperty("fullTimePlaces").GetInt32();

        public object[] Sessions { get; } = [.. setting.GetProperty("sessions").EnumerateArray()
            .Select(x => new { session = x.GetProperty("session").GetString(), places = x.GetProperty("places").GetInt32() })];

        public double OutreachHours { get; } = setting.GetProperty("outreachHoursPerWeek").GetDouble();

        public int Sent { get; set; }

        public int? LastAcknowledged { get; set; }
    }
}
