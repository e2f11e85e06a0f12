using ApGrid.Api.GraphQL;
using global::GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ApGrid.Api.Tests.Contract;

/// <summary>
/// The schema exactly as the app builds it, through AddApGridGraphQL, so a graph type that is written
/// but never registered shows up here as a contract difference.
/// </summary>
public sealed class ServedSchemaFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public ServedSchemaFixture()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddApGridGraphQL(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        Schema = _services.GetRequiredService<ISchema>();
        Schema.Initialize();
    }

    public ISchema Schema { get; }

    public void Dispose() => _services.Dispose();
}
