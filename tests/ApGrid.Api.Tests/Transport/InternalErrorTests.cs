using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL;
using ApGrid.Api.GraphQL.Transport;
using ApGrid.Grains.Abstractions;
using GraphQL.Execution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using GraphQLRequest = global::GraphQL.Transport.GraphQLRequest;

namespace ApGrid.Api.Tests.Transport;

/// <summary>A resolver's unexpected failure is logged once with an id, and the caller's INTERNAL error carries the same id.</summary>
public sealed class InternalErrorTests : IDisposable
{
    private readonly CapturingLogs logs = new();
    private readonly ServiceProvider services;

    public InternalErrorTests() =>
        services = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).AddSingleton(TimeProvider.System)
            .AddApGridGraphQL(new ConfigurationBuilder().Build()).BuildServiceProvider();

    [Fact]
    public async Task A_failing_resolver_gives_the_caller_the_id_the_log_holds()
    {
        // No grain factory is registered here, so resolving the LA fails as a broken dependency would.
        var result = await services.GetRequiredService<GraphQLRequestExecutor>().ExecuteAsync(
            new GraphQLRequest { Query = "{ localAuthority { name } }" },
            new ApGridUserContext(new Caller("901", Role.LaOfficer, null), AuditChannel.GraphQLHttp), services, CancellationToken.None);

        var info = services.GetRequiredService<IErrorInfoProvider>().GetInfo(Assert.Single(result.Errors!));

        Assert.Equal("INTERNAL", info.Extensions!["code"]);
        var id = Assert.IsType<string>(info.Extensions["correlationId"]);
        var entry = Assert.Single(logs.Entries, e => e.Message.Contains(id, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.NotNull(entry.Exception);
        Assert.Contains("localAuthority", entry.Message, StringComparison.Ordinal);
    }

    public void Dispose() => services.Dispose();

    private sealed class CapturingLogs : ILoggerProvider, ILogger
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries) Entries.Add((logLevel, formatter(state, exception), exception));
        }

        public void Dispose() { }
    }
}
