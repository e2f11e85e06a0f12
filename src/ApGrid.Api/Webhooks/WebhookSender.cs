using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ApGrid.Api.Rest;

namespace ApGrid.Api.Webhooks;

/// <summary>
/// Posts one change as a Standard Webhooks message: the body {type, timestamp, data} with data the
/// entry as REST polling shows it, signed in webhook-signature over "id.timestamp.body". Redirects
/// are not followed (an LA registered this URL, not wherever it points), and only public addresses
/// are connected to unless the operator allows private ones.
/// </summary>
public sealed class WebhookSender : IWebhookSender, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient client;

    public WebhookSender(bool allowPrivateTargets)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            UseCookies = false,
            ConnectCallback = (context, token) => WebhookTargets.ConnectAsync(context.DnsEndPoint, allowPrivateTargets, token),
        };
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("ApGrid-Webhooks/1");
    }

    /// <summary>The body of one message: what a receiver's Standard Webhooks library hands its code; its cursor is the message id.</summary>
    public static string Payload(ChangeEntry entry, string messageId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var type = entry.Detail is { } detail ? ContractNames.EventType(detail.Action) : "change." + ContractNames.Of(entry.Kind).ToLowerInvariant();
        return JsonSerializer.Serialize(new { type, timestamp = entry.At, data = ChangeResource.From(entry, messageId) }, Json);
    }

    public async Task<WebhookDeliveryRecord> SendAsync(string url, string secret, string messageId, ChangeEntry entry, int attempt, CancellationToken cancellationToken)
    {
        var at = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var body = Payload(entry, messageId);
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, messageId, timestamp, body));
        int? status = null;
        string? error;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null
                : status is >= 300 and < 400 ? "a redirect; webhooks do not follow redirects"
                : response.ReasonPhrase is { Length: > 0 } reason ? reason : "not a 2xx answer";
        }
        catch (HttpRequestException ex)
        {
            error = ex.InnerException is WebhookTargetRefusedException refused ? refused.Message : ex.Message;
        }
        catch (OperationCanceledException)
        {
            error = "no answer in time";
        }

        return new WebhookDeliveryRecord(messageId, entry.Sequence, attempt, at, status, error, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public void Dispose() => client.Dispose();
}
