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

    [Fact]
    public void Every_AP_setting_type_and_route_has_its_own_code()
    {
        var settings = Enum.GetValues<ApSettingType>().Select(CensusCodes.ToApSettingCode).ToList();
        var routes = Enum.GetValues<PlacementRoute>().Select(CensusCodes.ToApReasonCode).ToList();

        Assert.Equal(settings.Count, settings.Distinct().Count());
        Assert.Equal(routes.Count, routes.Distinct().Count());
        Assert.Equal(["PRU", "APA", "APF", "IND", "UNR"], settings);
        Assert.Throws<ArgumentOutOfRangeException>(() => CensusCodes.ToApSettingCode((ApSettingType)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => CensusCodes.ToApReasonCode((PlacementRoute)99));
    }

    [Theory]
    [InlineData(EhcRequestSource.Parent, "1")]
    [InlineData(EhcRequestSource.School, "2")]
    [InlineData(EhcRequestSource.Health, "3")]
    [InlineData(EhcRequestSource.SocialCare, "4")]
    [InlineData(EhcRequestSource.Other, "5")]
    public void Sen2_request_sources(EhcRequestSource value, string code) => Assert.Equal(code, CensusCodes.ToSen2Code(value));

    [Theory]
    [InlineData(EhcCeaseReason.MaximumAge, "1")]
    [InlineData(EhcCeaseReason.NeedsMetWithoutPlan, "2")]
    [InlineData(EhcCeaseReason.HigherEducation, "3")]
    [InlineData(EhcCeaseReason.Employment, "4")]
    [InlineData(EhcCeaseReason.Apprenticeship, "4")]
    [InlineData(EhcCeaseReason.MovedToAnotherLa, "5")]
    [InlineData(EhcCeaseReason.NoLongerEngaging, "6")]
    [InlineData(EhcCeaseReason.MovedOutsideEngland, "7")]
    [InlineData(EhcCeaseReason.Deceased, "8")]
    [InlineData(EhcCeaseReason.Other, "9")]
    public void Sen2_cease_reasons(EhcCeaseReason value, string code) => Assert.Equal(code, CensusCodes.ToSen2Code(value));

    [Fact]
    public void Sen2_needs_are_the_census_needs_without_NSA()
    {
        foreach (var need in Enum.GetValues<NeedType>().Where(n => n != NeedType.Nsa)) Assert.Equal(CensusCodes.ToCode(need), CensusCodes.ToSen2NeedCode(need));
        Expect.Validation(() => CensusCodes.ToSen2NeedCode(NeedType.Nsa), "SENtype");
    }

    [Theory]
    [InlineData(EhcpStage.Requested, null, null)]
    [InlineData(EhcpStage.NotAssessed, "N", null)]
    [InlineData(EhcpStage.Assessing, "A", null)]
    [InlineData(EhcpStage.DraftIssued, "A", null)]
    [InlineData(EhcpStage.FinalIssued, "A", "Y")]
    [InlineData(EhcpStage.NotIssued, "A", "N")]
    public void Sen2_outcomes_follow_the_stage(EhcpStage stage, string? request, string? assessment) =>
        Assert.Equal((request, assessment), (CensusCodes.ToSen2RequestOutcome(stage), CensusCodes.ToSen2AssessmentOutcome(stage)));
}
