using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class ProviderProfileRulesTests
{
    private static readonly ProviderContact Dsl = new("Sam Patel", "Designated safeguarding lead", "sam@example.org", null);

    private static DomainError? Check(
        string name = "Forest Skills", ApSettingType type = ApSettingType.UnregisteredProvider, bool localReference = true, string? ukprn = null,
        KeyStage[]? keyStages = null, double latitude = 52.9, ProviderContact[]? contacts = null) =>
        ProviderProfileRules.Check(name, type, localReference, ukprn, keyStages ?? [KeyStage.Eyfs, KeyStage.Ks1], latitude, -1.1, contacts ?? [Dsl]);

    [Fact]
    public void A_non_school_provider_with_a_local_reference_a_ukprn_and_eyfs_is_fine() =>
        Assert.Null(Check(ukprn: "10012345"));

    [Fact]
    public void Each_refusal_names_its_field()
    {
        Expect.Is(Check(name: " "), ErrorCode.Validation, "name");
        Expect.Is(Check(type: ApSettingType.PupilReferralUnit), ErrorCode.Validation, "urn");
        Expect.Is(Check(ukprn: "20012345"), ErrorCode.Validation, "ukprn");
        Expect.Is(Check(ukprn: "1001234"), ErrorCode.Validation, "ukprn");
        Expect.Is(Check(keyStages: []), ErrorCode.Validation, "keyStages");
        Expect.Is(Check(keyStages: [KeyStage.Post16]), ErrorCode.Validation, "keyStages");
        Expect.Is(Check(latitude: 40), ErrorCode.Validation, "location");
        Expect.Is(Check(contacts: [Dsl with { Email = null }]), ErrorCode.Validation, "contacts");
        Expect.Is(Check(contacts: [Dsl with { Email = "not-an-address" }]), ErrorCode.Validation, "contacts");
        Expect.Is(Check(contacts: [Dsl with { Name = "" }]), ErrorCode.Validation, "contacts");
    }

    [Fact]
    public void A_school_is_created_under_its_urn() =>
        Assert.Null(Check(type: ApSettingType.ApAcademy, localReference: false));
}
