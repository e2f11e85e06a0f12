namespace ApGrid.Server.Tests.Api;

[CollectionDefinition(Name)]
public sealed class RunningServerCollection : ICollectionFixture<RunningServerFixture>
{
    public const string Name = "running server";
}
