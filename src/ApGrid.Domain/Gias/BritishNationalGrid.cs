using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace ApGrid.Domain.Gias;

/// <summary>
/// Converts an Ordnance Survey National Grid position (OSGB36, EPSG:27700), as GIAS gives
/// establishments, to a WGS84 latitude and longitude.
/// </summary>
/// <remarks>
/// The projection alone would leave the point on the OSGB36 datum, 100 metres or more from where a
/// WGS84 map puts it; the seven-parameter Helmert shift in TOWGS84 (the Ordnance Survey's published
/// values) brings it within a few metres, which is enough to rank journeys.
/// </remarks>
public static class BritishNationalGrid
{
    private const string Wkt =
        "PROJCS[\"OSGB 1936 / British National Grid\"," +
        "GEOGCS[\"OSGB 1936\",DATUM[\"OSGB_1936\",SPHEROID[\"Airy 1830\",6377563.396,299.3249646]," +
        "TOWGS84[446.448,-125.157,542.06,0.15,0.247,0.842,-20.489]]," +
        "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]," +
        "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",49],PARAMETER[\"central_meridian\",-2]," +
        "PARAMETER[\"scale_factor\",0.9996012717],PARAMETER[\"false_easting\",400000],PARAMETER[\"false_northing\",-100000]," +
        "UNIT[\"metre\",1]]";

    /// <summary>The grid's extent (the Ordnance Survey's 700 km by 1300 km): anything outside is a garbled coordinate.</summary>
    public const double MaxEasting = 700_000;

    public const double MaxNorthing = 1_300_000;

    private static readonly Lazy<MathTransform> Transform = new(() =>
    {
        var grid = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(Wkt);
        return new CoordinateTransformationFactory().CreateFromCoordinateSystems(grid, GeographicCoordinateSystem.WGS84).MathTransform;
    });

    /// <exception cref="DomainRuleException">The position is off the National Grid.</exception>
    public static GeoPoint ToWgs84(double easting, double northing)
    {
        if (easting is < 0 or > MaxEasting || double.IsNaN(easting))
        {
            throw new DomainRuleException(DomainError.Validation("easting", $"Easting must be between 0 and {MaxEasting:0} metres, not {easting}."));
        }

        if (northing is < 0 or > MaxNorthing || double.IsNaN(northing))
        {
            throw new DomainRuleException(DomainError.Validation("northing", $"Northing must be between 0 and {MaxNorthing:0} metres, not {northing}."));
        }

        var (longitude, latitude) = Transform.Value.Transform(easting, northing);
        return GeoPoint.Create(latitude, longitude);
    }
}
