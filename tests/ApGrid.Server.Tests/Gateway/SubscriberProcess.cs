using System.Diagnostics;
using System.Text.Json;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Gateway;

/// <summary>tests/js/resume.mjs (the graphql-ws client that reconnects with its cursor) in its own process, its JSON lines collected as they come.</summary>
internal sealed class SubscriberProcess : IDisposable
{
    private readonly Process process;
    private readonly List<JsonElement> events = [];
    private readonly Task reading;

    // Completed and replaced each time a line arrives, so a waiter wakes on the event itself.
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SubscriberProcess(Process process)
    {
        this.process = process;
        reading = Task.Run(ReadAsync);
    }

    public static SubscriberProcess Start(Uri webSocket, string auth, string query, int count, string stopSubjectId, TimeSpan timeout) =>
        new(NodeScripts.Start("resume.mjs", webSocket.ToString(), auth, query,
            count.ToString(System.Globalization.CultureInfo.InvariantCulture), stopSubjectId,
            ((int)timeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public IReadOnlyList<JsonElement> Events
    {
        get { lock (events) return [.. events]; }
    }

    public IReadOnlyList<JsonElement> Changes => [.. Events.Where(e => Is(e, "next")).Select(e => e.GetProperty("value").GetProperty("data"))];

    public int Connections => Events.Count(e => Is(e, "connected"));

    /// <summary>Waits until an event satisfies <paramref name="condition"/>; throws with everything seen when the process ends first.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<JsonElement>, bool> condition, TimeSpan timeout)
    {
        var deadline = Task.Delay(timeout);
        while (true)
        {
            // Taken before the check, so a line that arrives in between still wakes the wait below.
            Task next;
            lock (events) next = arrived.Task;
            if (condition(Events)) return;
            if (reading.IsCompleted || deadline.IsCompleted) break;
            await Task.WhenAny(next, reading, deadline);
        }

        throw new TimeoutException($"Subscriber did not get there:\n{string.Join('\n', Events.Select(e => e.GetRawText()))}\n{await ErrorsAsync()}");
    }

    public async Task<string> ErrorsAsync() => process.HasExited ? await process.StandardError.ReadToEndAsync() : "";

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        await reading;
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    public static bool Is(JsonElement e, string name) => e.GetProperty("event").GetString() == name;

    private async Task ReadAsync()
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith('{')) continue;
            var element = JsonDocument.Parse(line).RootElement.Clone();
            TaskCompletionSource woken;
            lock (events)
            {
                events.Add(element);
                woken = arrived;
                arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            woken.TrySetResult();
        }
    }
}
