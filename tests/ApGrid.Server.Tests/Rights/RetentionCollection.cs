namespace ApGrid.Server.Tests.Rights;

[CollectionDefinition(Name)]
public sealed class RetentionCollection : ICollectionFixture<RetentionServerFixture>
{
    public const string Name = "retention";
}
