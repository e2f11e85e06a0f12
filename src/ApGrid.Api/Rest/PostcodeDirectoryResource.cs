namespace ApGrid.Api.Rest;

/// <summary>What a postcode directory load kept: sectors with a centroid, and the rows used and skipped.</summary>
public sealed record PostcodeDirectoryResource(int Sectors, int PostcodesUsed, int PostcodesSkipped);
