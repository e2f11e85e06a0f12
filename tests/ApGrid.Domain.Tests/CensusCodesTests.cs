using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class CensusCodesTests
{
    [Theory]
    [InlineData(SenProvision.None, "N")]
    [InlineData(SenProvision.SenSupport, "K")]
    [InlineData(SenProvision.EhcPlan, "E")]
    public void Sen_provision_maps_both_ways(SenProvision value, string code)
    {
        Assert.Equal(code, CensusCodes.ToCode(value));
        Assert.Equal(value, CensusCodes.ParseSenProvision(code));
    }

    [Theory]
    [InlineData(NeedType.Spld, "SPLD")]
    [InlineData(NeedType.Mld, "MLD")]
    [InlineData(NeedType.Sld, "SLD")]
    [InlineData(NeedType.Pmld, "PMLD")]
    [InlineData(NeedType.Semh, "SEMH")]
    [InlineData(NeedType.Slcn, "SLCN")]
    [InlineData(NeedType.Hi, "HI")]
    [InlineData(NeedType.Vi, "VI")]
    [InlineData(NeedType.Msi, "MSI")]
    [InlineData(NeedType.Pd, "PD")]
    [InlineData(NeedType.Asd, "ASD")]
    [InlineData(NeedType.Ds, "DS")]
    [InlineData(NeedType.Oth, "OTH")]
    [InlineData(NeedType.Nsa, "NSA")]
    public void Need_type_maps_both_ways(NeedType value, string code)
    {
        Assert.Equal(code, CensusCodes.ToCode(value));
        Assert.Equal(value, CensusCodes.ParseNeedType(code));
    }

    [Theory]
    [InlineData(Registration.Single, "C")]
    [InlineData(Registration.Main, "M")]
    [InlineData(Registration.Subsidiary, "S")]
    public void Registration_maps_both_ways(Registration value, string code)
    {
        Assert.Equal(code, CensusCodes.ToCode(value));
        Assert.Equal(value, CensusCodes.ParseRegistration(code));
    }

    [Fact]
    public void Every_enum_value_has_a_distinct_code()
    {
        Assert.Equal(Enum.GetValues<SenProvision>().Length, Enum.GetValues<SenProvision>().Select(CensusCodes.ToCode).Distinct().Count());
        Assert.Equal(Enum.GetValues<NeedType>().Length, Enum.GetValues<NeedType>().Select(CensusCodes.ToCode).Distinct().Count());
        Assert.Equal(Enum.GetValues<Registration>().Length, Enum.GetValues<Registration>().Select(CensusCodes.ToCode).Distinct().Count());
    }

    [Theory]
    [InlineData("n")]
    [InlineData(" N")]
    [InlineData("X")]
    [InlineData("")]
    public void Unknown_sen_provision_code_is_rejected(string code)
    {
        Expect.Validation(() => CensusCodes.ParseSenProvision(code), "senProvision");
    }

    [Theory]
    [InlineData("semh")]
    [InlineData("SEM")]
    [InlineData("OTHER")]
    public void Unknown_need_type_code_is_rejected(string code)
    {
        var error = Expect.Validation(() => CensusCodes.ParseNeedType(code), "needType");
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("D")]
    [InlineData("c")]
    public void Unknown_registration_code_is_rejected(string code)
    {
        Expect.Validation(() => CensusCodes.ParseRegistration(code), "registration");
    }

    [Fact]
    public void Null_code_is_rejected_as_missing()
    {
        var error = Expect.Validation(() => CensusCodes.ParseRegistration(null!), "registration");
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_bad_codes_are_shortened_in_the_message()
    {
        var error = Expect.Validation(() => CensusCodes.ParseNeedType(new string('X', 500)), "needType");
        Assert.True(error.Message.Length < 200);
    }

    [Fact]
    public void Undefined_enum_values_have_no_code()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CensusCodes.ToCode((SenProvision)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => CensusCodes.ToCode((NeedType)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => CensusCodes.ToCode((Registration)99));
    }
}
