using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class PostcodeSectorCentroidsTests
{
    [Fact]
    public void Each_sector_is_the_mean_of_its_postcodes()
    {
        var centroids = PostcodeSectorCentroids.From([
            ("NE1 4ST", 54.97, -1.61),
            ("NE1 4XF", 54.98, -1.63),
            ("NE1 5AA", 54.96, -1.60),
        ]);

        Assert.Equal(2, centroids.Sectors.Count);
        Assert.Equal(54.975, centroids.Sectors["NE1 4"].Latitude, 6);
        Assert.Equal(-1.62, centroids.Sectors["NE1 4"].Longitude, 6);
        Assert.Equal(3, centroids.PostcodesUsed);
    }

    [Fact]
    public void Rows_without_a_position_or_a_whole_postcode_are_skipped_and_counted()
    {
        var centroids = PostcodeSectorCentroids.From([
            ("NE1 4ST", 99.999999, 0),
            ("NE1 4", 54.97, -1.61),
            ("not a postcode", 54.97, -1.61),
            (null, 54.97, -1.61),
            ("GY1 1AA", 49.45, -2.54),
        ]);

        Assert.Equal(["GY1 1"], centroids.Sectors.Keys);
        Assert.Equal(4, centroids.PostcodesSkipped);
    }
}
