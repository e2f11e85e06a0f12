using Orleans.Dashboard;
using ApGrid.Grains;
using ApGrid.Server.Demo;
using ApGrid.Server.Health;
using ApGrid.Storage;
using Orleans.Configuration;

namespace ApGrid.Server.Hosting;

public static class NodeHostBuilderExtensions
{
    /// <summary>Wires a node: the Orleans silo on the configured storage, demo data and health checks.</summary>
    public static WebApplicationBuilder AddApGridNode(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        storage.Validate();
        var orleans = builder.Configuration.GetSection("Orleans").Get<OrleansOptions>() ?? new OrleansOptions();

        if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue<bool>("DevClock:Enabled"))
        {
            var clock = new AdjustableClock();
            builder.Services.AddSingleton(clock);
            builder.Services.AddSingleton<TimeProvider>(clock);
        }

        if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue<bool>("DevOperationHooks:Enabled"))
        {
            builder.Services.AddSingleton<GraphQL.DI.IConfigureExecution, DevOperationHooks>();
        }

        builder.Services.AddSingleton(storage);
        builder.Services.AddHostedService<StorageSchemaInstaller>();
        // Fictional children's records never reach a real deployment, whatever its configuration says.
        var development = builder.Environment.IsDevelopment();
        builder.Services.Configure<DemoDataOptions>(o =>
        {
            builder.Configuration.GetSection("DemoData").Bind(o);
            o.Enabled &= development;
        });
        builder.Services.Configure<OutreachOptions>(builder.Configuration.GetSection("Outreach"));
        builder.Services.Configure<EhcpDeadlineOptions>(builder.Configuration.GetSection("Ehcp"));
        builder.Services.AddOptions<ApGrid.Grains.Abstractions.StatisticsOptions>().Bind(builder.Configuration.GetSection("Statistics"))
            .Validate(o => o.PublishEvery > TimeSpan.Zero, "Statistics:PublishEvery must be a positive time span (a day by default).").ValidateOnStart();
        builder.Services.Configure<SchoolLeavingOptions>(builder.Configuration.GetSection("Placements"));
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection("Webhooks"));
        var webhooks = builder.Configuration.GetSection("Webhooks").Get<WebhookOptions>() ?? new WebhookOptions();
        builder.Services.AddSingleton<ApGrid.Grains.Abstractions.IWebhookSender>(new ApGrid.Api.Webhooks.WebhookSender(webhooks.AllowPrivateTargets));
        builder.Services.Configure<AttendanceOptions>(builder.Configuration.GetSection("Attendance"));
        builder.Services.Configure<ApGrid.Grains.Abstractions.PlacementHoursOptions>(builder.Configuration.GetSection("Placements"));
        builder.Services.Configure<ExclusionDutyOptions>(builder.Configuration.GetSection("Exclusions"));
        builder.Services.Configure<AssuranceOptions>(builder.Configuration.GetSection("Assurance"));
        if ((builder.Configuration.GetSection("Retention").Get<RetentionOptions>() ?? new RetentionOptions()).ToPolicy().Problem() is { } retentionProblem)
        {
            throw new InvalidOperationException(retentionProblem);
        }

        builder.Services.Configure<RetentionOptions>(builder.Configuration.GetSection("Retention"));
        var shortestSweep = new[]
        {
            builder.Configuration.GetSection("Ehcp").Get<EhcpDeadlineOptions>()?.OverdueCheckPeriod ?? TimeSpan.FromHours(1),
            builder.Configuration.GetSection("Placements").Get<SchoolLeavingOptions>()?.LeavingAgeCheckPeriod ?? TimeSpan.FromHours(6),
            builder.Configuration.GetSection("Attendance").Get<AttendanceOptions>()?.NotArrivedCheckPeriod ?? TimeSpan.FromMinutes(5),
            builder.Configuration.GetSection("Exclusions").Get<ExclusionDutyOptions>()?.DutyCheckPeriod ?? TimeSpan.FromHours(1),
            webhooks.SweepPeriod,
            builder.Configuration.GetSection("Assurance").Get<AssuranceOptions>()?.AlertCheckPeriod ?? TimeSpan.FromHours(1),
        }.Min();
        builder.UseOrleans(silo =>
        {
            if (storage.IsPostgres)
            {
                // A cluster: silos find each other through the membership table in PostgreSQL.
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = storage.AdoInvariant;
                    o.ConnectionString = storage.BuildConnectionString();
                });
                silo.ConfigureEndpoints(orleans.AdvertisedIPAddress(), orleans.SiloPort, orleans.GatewayPort);
                // Fast enough that grains of a crashed node come back on the others within seconds;
                // the defaults wait tens of seconds, which the gateway's clients would see as errors.
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = orleans.ProbeTimeout;
                    o.NumMissedProbesLimit = orleans.MissedProbesLimit;
                    o.NumVotesForDeathDeclaration = 1;
                });
                if (orleans.KubernetesHosting) silo.UseKubernetesHosting();
            }
            else
            {
                // SQLite is one machine, one node.
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
            }

            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = orleans.ClusterId;
                o.ServiceId = orleans.ServiceId;
            });
            silo.AddApGridStorage(storage);
            // Orleans refuses reminder periods under a minute unless told otherwise; tests sweep every few seconds.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = shortestSweep < o.MinimumReminderPeriod ? shortestSweep : o.MinimumReminderPeriod);
            silo.AddApGridGrains();
            // Grain calls as spans (client and server side) only when something will read them.
            if (TelemetryHostBuilderExtensions.Enabled(builder.Configuration)) silo.AddActivityPropagation();
            // Idle grains are collected on a 30-second sweep (the default minute would let a pupil
            // outlive its 2-minute age by half again), and when memory runs short the silo sheds
            // its longest-idle activations rather than grow into an out-of-memory kill.
            // Orleans:GrainCollection overrides any of this.
            silo.Configure<GrainCollectionOptions>(o =>
            {
                o.CollectionQuantum = TimeSpan.FromSeconds(30);
                o.EnableActivationSheddingOnMemoryPressure = true;
            });
            silo.Configure<GrainCollectionOptions>(builder.Configuration.GetSection("Orleans:GrainCollection"));
            silo.AddStartupTask<DemoDataSeeder>();
            if (builder.Configuration.GetValue<bool>("Operations:Dashboard:Enabled")) silo.AddDashboard();
        });

        builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<DemoDataHealthCheck>("demoData", tags: ["ready"]);
        return builder;
    }
}
