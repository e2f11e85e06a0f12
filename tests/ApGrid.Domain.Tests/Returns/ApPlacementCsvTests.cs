using ApGrid.Domain.Returns;
using static ApGrid.Domain.Tests.Returns.ReturnWorld;

namespace ApGrid.Domain.Tests.Returns;

public sealed class ApPlacementCsvTests
{
    private static readonly ApPlacementRow[] Rows =
    [
        new("pupil-1", Upn(1), D(2012, 3, 4), "NR20 3AB", "K", "SEMH", null, "10012345", "UNR", "PAN", D(2025, 11, 3), null, "P", 4),
        new("pupil-2", Upn(2), D(2012, 3, 4), null, "N", null, "140002", "10054321", "IND", "PEX", D(2026, 1, 5), D(2026, 3, 27), "F", 10),
    ];

    [Fact]
    public void The_AP_census_names_the_LA_on_every_row()
    {
        var text = ApPlacementCsv.ApCensus(new LaCode("902"), Rows);

        Assert.Equal(
            "LA,UPN,DOB,Postcode,SENprovision,SENtype,APURN,APUKPRN,APsettingType,APreason,EntryDate,LeavingDate,AttendancePattern,SessionsPerWeek\r\n"
            + $"902,{Upn(1)},2012-03-04,NR20 3AB,K,SEMH,,10012345,UNR,PAN,2025-11-03,,P,4\r\n"
            + $"902,{Upn(2)},2012-03-04,,N,,140002,10054321,IND,PEX,2026-01-05,2026-03-27,F,10\r\n",
            text);
    }

    [Fact]
    public void The_school_census_module_names_the_school()
    {
        var text = ApPlacementCsv.SchoolCensus("100001", Rows[..1]);

        Assert.StartsWith("SchoolURN,UPN,", text, StringComparison.Ordinal);
        Assert.EndsWith($"\r\n100001,{Upn(1)},2012-03-04,NR20 3AB,K,SEMH,,10012345,UNR,PAN,2025-11-03,,P,4\r\n", text, StringComparison.Ordinal);
    }
}
