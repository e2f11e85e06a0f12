using System.Diagnostics;
using ApGrid.Grains.Abstractions;
using Microsoft.Extensions.Options;

namespace ApGrid.Server.Demo;

/// <summary>
/// Seeds the demo tenants as the silo starts, once: a tenant marked seeded is left alone, and every
/// create call is a no-op for an entity that exists, so an interrupted seed finishes on the next start
/// without overwriting anything users changed.
/// </summary>
public sealed partial class DemoDataSeeder(
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<DemoDataOptions> options,
    ILogger<DemoDataSeeder> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;
        foreach (var tenant in DemoWorld.Create(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
        {
            await TenantContext.RunAsync(tenant.Profile.Code, () => SeedAsync(tenant, cancellationToken));
        }
    }

    private async Task SeedAsync(DemoTenant tenant, CancellationToken cancellationToken)
    {
        var code = tenant.Profile.Code;
        var la = grains.GetGrain<ILocalAuthorityGrain>(code);
        if (await la.IsSeededAsync()) return;

        var clockStarted = Stopwatch.StartNew();
        await la.CreateAsync(tenant.Profile);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(tenant.Schools, parallel, async (school, _) =>
        {
            await grains.GetGrain<ISchoolGrain>(GrainKeys.For(code, school.Urn)).CreateAsync(school.Profile);
            await la.RegisterSchoolAsync(new RegistryEntry(school.Urn, school.Profile.Name));
        });
        await Parallel.ForEachAsync(tenant.ApSettings, parallel, async (setting, _) =>
        {
            await grains.GetGrain<IApSettingGrain>(GrainKeys.For(code, setting.Urn)).CreateAsync(setting.Profile, setting.Availability);
            await la.RegisterApSettingAsync(new RegistryEntry(setting.Urn, setting.Profile.Name));
        });
        await Parallel.ForEachAsync(tenant.SpecialSchools, parallel, async (special, _) =>
        {
            await grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(code, special.Urn)).CreateAsync(special.Profile, special.Places, special.PlacesTaken);
            await la.RegisterSpecialSchoolAsync(new RegistryEntry(special.Urn, special.Profile.Name));
        });
        await Parallel.ForEachAsync(tenant.Pupils, parallel, async (pupil, _) =>
        {
            var grain = grains.GetGrain<IPupilGrain>(GrainKeys.For(code, pupil.Id));
            if (await grain.GetAsync() is null) await grain.RegisterAsync(pupil.Record);
            await grains.GetGrain<ISchoolGrain>(GrainKeys.For(code, pupil.Record.HomeSchoolUrn)).AddPupilAsync(pupil.Id);
            var placed = await grain.StartPlacementAsync(pupil.Placement);
            if (!placed.Succeeded) LogPlacementRefused(logger, pupil.Id, placed.Error!.Message);
        });
        await la.MarkSeededAsync();
        LogSeeded(logger, code, tenant.Profile.Name, tenant.Schools.Count, tenant.ApSettings.Count, tenant.SpecialSchools.Count, tenant.Pupils.Count, clockStarted.ElapsedMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo tenant {Code} {Name}: {Schools} schools, {ApSettings} AP settings, {SpecialSchools} special schools, {Pupils} pupils in AP in {ElapsedMs} ms")]
    private static partial void LogSeeded(ILogger logger, string code, string name, int schools, int apSettings, int specialSchools, int pupils, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo placement for pupil {PupilId} was refused: {Reason}")]
    private static partial void LogPlacementRefused(ILogger logger, string pupilId, string reason);
}
