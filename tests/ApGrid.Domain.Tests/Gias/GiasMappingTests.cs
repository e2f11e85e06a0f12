using ApGrid.Domain.Gias;

namespace ApGrid.Domain.Tests.Gias;

public sealed class GiasMappingTests
{
    /// <summary>Every type code in GIAS's list of 22 April 2025, with its group, so a new code is a decision, not an accident.</summary>
    public static TheoryData<int, string> TypesInUse()
    {
        var data = new TheoryData<int, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Gias", "establishment-types-20250422.csv")).Skip(1))
        {
            var fields = line.Split(',');
            var code = int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
            if (!data.Any(row => (int)row[0] == code)) data.Add(code, fields[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypesInUse))]
    public void Every_type_in_use_has_a_kind_that_fits_its_group(int code, string group)
    {
        var kind = GiasMapping.KindOf(code);

        switch (group)
        {
            case "Special schools":
                Assert.Equal(GiasKind.SpecialSchool, kind);
                break;
            case "Colleges" or "Universities" or "Welsh schools" or "Online provider" or "Other types":
                Assert.Equal(GiasKind.NotImported, kind);
                break;
            default:
                Assert.Equal(GiasMapping.ApSettingTypeOf(code) is null ? kind : GiasKind.ApSetting, kind);
                break;
        }
    }

    [Theory]
    [InlineData(14, ApSettingType.PupilReferralUnit)]
    [InlineData(42, ApSettingType.ApAcademy)]
    [InlineData(43, ApSettingType.ApAcademy)]
    [InlineData(38, ApSettingType.ApFreeSchool)]
    public void AP_types_map_to_their_legal_form(int code, ApSettingType type)
    {
        Assert.Equal(GiasKind.ApSetting, GiasMapping.KindOf(code));
        Assert.Equal(type, GiasMapping.ApSettingTypeOf(code));
    }

    [Theory]
    [InlineData(1, GiasKind.School)]
    [InlineData(34, GiasKind.School)]
    [InlineData(15, GiasKind.NotImported)]
    [InlineData(45, GiasKind.NotImported)]
    [InlineData(33, GiasKind.SpecialSchool)]
    [InlineData(36, GiasKind.SpecialSchool)]
    [InlineData(44, GiasKind.SpecialSchool)]
    public void Schools_special_schools_and_the_rest(int code, GiasKind kind)
    {
        Assert.Equal(kind, GiasMapping.KindOf(code));
        Assert.Null(GiasMapping.ApSettingTypeOf(code));
    }

    [Theory]
    [InlineData(11, 16, new[] { KeyStage.Ks3, KeyStage.Ks4 })]
    [InlineData(11, 18, new[] { KeyStage.Ks3, KeyStage.Ks4, KeyStage.Post16 })]
    [InlineData(4, 11, new[] { KeyStage.Eyfs, KeyStage.Ks1, KeyStage.Ks2 })]
    [InlineData(2, 7, new[] { KeyStage.Eyfs, KeyStage.Ks1 })]
    [InlineData(7, 11, new[] { KeyStage.Ks2 })]
    [InlineData(5, 16, new[] { KeyStage.Ks1, KeyStage.Ks2, KeyStage.Ks3, KeyStage.Ks4 })]
    [InlineData(14, 16, new[] { KeyStage.Ks4 })]
    public void Statutory_ages_give_the_key_stages_of_the_year_groups_between(int low, int high, KeyStage[] expected)
    {
        Assert.Equal(expected, GiasMapping.KeyStagesOf(low, high));
    }

    [Fact]
    public void Missing_or_reversed_ages_give_no_key_stages()
    {
        Assert.Empty(GiasMapping.KeyStagesOf(null, 16));
        Assert.Empty(GiasMapping.KeyStagesOf(11, null));
        Assert.Empty(GiasMapping.KeyStagesOf(16, 11));
    }

    [Fact]
    public void Every_age_range_gives_consecutive_key_stages_from_its_low_age()
    {
        for (var low = 2; low <= 16; low++)
        {
            for (var high = low + 1; high <= 19; high++)
            {
                var stages = GiasMapping.KeyStagesOf(low, high);
                if (high - 5 < Math.Max(0, low - 4))
                {
                    Assert.Empty(stages);
                    continue;
                }

                Assert.Equal(SchoolYear.KeyStageOf(Math.Max(0, low - 4)), stages[0]);
                Assert.Equal(SchoolYear.KeyStageOf(high - 5), stages[^1]);
                Assert.Equal(stages.OrderBy(s => s), stages);
                Assert.Equal(stages.Count, (int)stages[^1] - (int)stages[0] + 1);
            }
        }
    }

    [Theory]
    [InlineData("SpLD - Specific Learning Difficulty", NeedType.Spld)]
    [InlineData("SEMH - Social, Emotional and Mental Health", NeedType.Semh)]
    [InlineData("BESD - Behaviour, Emotional and Social Difficulty", NeedType.Semh)]
    [InlineData("ASD - Autistic Spectrum Disorder", NeedType.Asd)]
    [InlineData("PMLD - Profound and Multiple Learning Difficulty", NeedType.Pmld)]
    [InlineData("SLCN - Speech, language and Communication", NeedType.Slcn)]
    [InlineData("OTH - Other Difficulty/Disability", NeedType.Oth)]
    [InlineData("MSI", NeedType.Msi)]
    public void SEN_provision_names_give_census_needs(string name, NeedType need)
    {
        Assert.Equal(need, GiasMapping.NeedOf(name));
    }

    [Theory]
    [InlineData("Not a need")]
    [InlineData("NSA - No specialist assessment")]
    [InlineData("")]
    public void Other_names_are_not_needs(string name)
    {
        Assert.Null(GiasMapping.NeedOf(name));
    }

    [Theory]
    [InlineData("Primary", 4, 11, Phase.Primary)]
    [InlineData("Middle deemed secondary", 9, 13, Phase.Secondary)]
    [InlineData("All-through", 4, 18, Phase.Secondary)]
    [InlineData("Not applicable", 5, 11, Phase.Primary)]
    [InlineData("Not applicable", 11, 16, Phase.Secondary)]
    public void Phase_from_its_name_or_its_ages(string name, int low, int high, Phase phase)
    {
        Assert.Equal(phase, GiasMapping.PhaseOf(name, low, high));
    }
}
