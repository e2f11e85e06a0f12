using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;

namespace ApGrid.Server.Hosting;

/// <summary>
/// Development only, and only when DevOperationHooks:Enabled is set (the API tests set it): request
/// extensions that let a test hold an operation until it says so, or make its set-up fail, to show
/// what a transport does meanwhile. Not part of the schema; nothing else reads these extensions.
/// <list type="bullet">
/// <item><c>"devHold": "name"</c> waits before the operation starts until a request with
/// <c>"devRelease": "name"</c> runs (or the operation is cancelled).</item>
/// <item><c>"devFail": true</c> throws, as a failing audit write or grain call would.</item>
/// </list>
/// </summary>
public sealed class DevOperationHooks : IConfigureExecution
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> holds = new(StringComparer.Ordinal);

    /// <summary>First, before the document cache and parsing.</summary>
    public float SortOrder => 0;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        var extensions = options.Extensions;
        if (extensions?.GetValueOrDefault("devRelease") is string released) Gate(released).TrySetResult();
        if (extensions?.GetValueOrDefault("devFail") is true) throw new InvalidOperationException("devFail: the operation's set-up failed on request.");
        if (extensions?.GetValueOrDefault("devHold") is string held) await Gate(held).Task.WaitAsync(options.CancellationToken).ConfigureAwait(false);
        return await next(options).ConfigureAwait(false);
    }

    private TaskCompletionSource Gate(string name) =>
        holds.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
