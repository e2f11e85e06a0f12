namespace ApGrid.Server.Tests.Api;

[CollectionDefinition(Name)]
public sealed class LongClockCollection : ICollectionFixture<LongClockServerFixture>
{
    public const string Name = "long clock";
}
