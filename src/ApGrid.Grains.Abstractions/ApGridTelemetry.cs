using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ApGrid.Grains.Abstractions;

/// <summary>
/// ApGrid's own spans and metrics, under the names "ApGrid" (both). With no OpenTelemetry listener
/// (the default) StartActivity returns null and instruments drop measurements at once, so they cost
/// a null check. Nothing recorded here names a pupil: tags are tenants, kinds, codes and operation names.
/// </summary>
public static class ApGridTelemetry
{
    public const string Name = "ApGrid";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> GraphQLDuration = Meter.CreateHistogram<double>(
        "apgrid.graphql.operation.duration", "s", "GraphQL operations by type and operation name (never the document or variables).");

    public static readonly Counter<long> Refusals = Meter.CreateCounter<long>(
        "apgrid.refusals", "{refusal}", "Errors answered to callers, by contract error code (VALIDATION, FORBIDDEN, ...).");

    public static readonly Histogram<double> StorageWriteDuration = Meter.CreateHistogram<double>(
        "apgrid.storage.write.duration", "s", "Grain state writes, from the grain's call to the committed transaction, by state name.");

    public static readonly Counter<long> ChangeEntries = Meter.CreateCounter<long>(
        "apgrid.changefeed.entries", "{entry}", "Entries stored on change feeds, by kind.");

    public static readonly Histogram<double> ChangeFeedLag = Meter.CreateHistogram<double>(
        "apgrid.changefeed.lag", "s", "From an entry's storing to its arrival at a node's subscribers.");

    public static readonly Counter<long> PlacementsStarted = Meter.CreateCounter<long>(
        "apgrid.placements.started", "{placement}", "Placements the LAs counted as started, by LA.");

    public static readonly Counter<long> AuditWrites = Meter.CreateCounter<long>(
        "apgrid.audit.writes", "{record}", "Access-audit records stored.");

    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "apgrid.webhooks.deliveries", "{attempt}", "Webhook delivery attempts, by outcome (delivered, failed).");
}
