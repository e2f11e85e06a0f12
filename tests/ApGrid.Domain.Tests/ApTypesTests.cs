using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class ApTypesTests
{
    [Theory]
    [InlineData(ApSettingType.PupilReferralUnit, ApType.StateFunded)]
    [InlineData(ApSettingType.ApAcademy, ApType.StateFunded)]
    [InlineData(ApSettingType.ApFreeSchool, ApType.StateFunded)]
    [InlineData(ApSettingType.IndependentSchool, ApType.Independent)]
    [InlineData(ApSettingType.UnregisteredProvider, ApType.NonSchool)]
    public void Each_legal_form_is_one_kind_of_ap(ApSettingType settingType, ApType expected) => Assert.Equal(expected, ApTypes.Of(settingType));

    [Fact]
    public void Every_legal_form_has_a_kind() =>
        Assert.All(Enum.GetValues<ApSettingType>(), t => Assert.True(Enum.IsDefined(ApTypes.Of(t))));
}
