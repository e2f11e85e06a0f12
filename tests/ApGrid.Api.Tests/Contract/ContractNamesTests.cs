using ApGrid.Api.Auth;
using ApGrid.Api.Rest;
using ApGrid.Domain;

namespace ApGrid.Api.Tests.Contract;

/// <summary>Names the API hands out outside GraphQL (feed field values, webhook payloads) are the schema's own.</summary>
public sealed class ContractNamesTests
{
    [Fact]
    public void ContractNames_agree_with_the_served_enum_names_for_every_enum_a_feed_entry_carries()
    {
        Agree<ChangeAction>();
        Agree<ChangeKind>();
        Agree<Session>();
        Agree<PlacementStatus>();
        Agree<PlacementOutcome>();
        Agree<ReferralStatus>();
        Agree<EhcpStage>();
        Agree<EhcRequestSource>();
        Agree<EhcCeaseReason>();
        foreach (var role in Enum.GetValues<Role>()) Assert.Equal(RoleNames.NameOf(role), ContractNames.Of(role));
    }

    private static void Agree<T>() where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>()) Assert.Equal(EnumNames<T>.NameOf(value), ContractNames.Of(value));
    }
}
