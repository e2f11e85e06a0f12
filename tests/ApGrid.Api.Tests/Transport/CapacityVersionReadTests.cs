using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Api.Tests.Transport;

/// <summary>What a request's resolvers note of the capacity index decides the version its ETag names.</summary>
public sealed class CapacityVersionReadTests
{
    private static readonly CapacityIndexVersion Version = new(Guid.NewGuid(), 3);

    [Fact]
    public void Reads_at_one_version_give_that_version()
    {
        var context = new ApGridUserContext(new Caller("901", Role.LaOfficer, null), AuditChannel.GraphQLHttp);

        context.CapacityIndexRead(Version);
        context.CapacityIndexRead(Version);

        Assert.Equal(Version, context.CapacityVersion);
    }

    [Fact]
    public void Reads_at_two_versions_or_none_give_none()
    {
        var twice = new ApGridUserContext(new Caller("901", Role.LaOfficer, null), AuditChannel.GraphQLHttp);
        twice.CapacityIndexRead(Version);
        twice.CapacityIndexRead(Version with { Change = 4 });
        twice.CapacityIndexRead(Version);

        Assert.Null(twice.CapacityVersion);
        Assert.Null(new ApGridUserContext(new Caller("901", Role.LaOfficer, null), AuditChannel.GraphQLHttp).CapacityVersion);
    }
}
