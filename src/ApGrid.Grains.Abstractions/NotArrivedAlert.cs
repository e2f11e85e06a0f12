using System.Globalization;

namespace ApGrid.Grains.Abstractions;

/// <summary>A pupil expected for a session with no mark by its cut-off: raised once, the same day.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.NotArrivedAlert")]
public sealed record NotArrivedAlert(
    [property: Id(0)] string PupilId,
    [property: Id(1)] string PlacementId,
    [property: Id(2)] string HomeSchoolUrn,
    [property: Id(3)] string ApUrn,
    [property: Id(4)] DateOnly Date,
    [property: Id(5)] Session Session,
    [property: Id(6)] DateTimeOffset RaisedAt)
{
    /// <summary>
    /// The change feed's subject, "pupilId#apUrn#homeSchoolUrn#yyyy-MM-dd#SESSION": the home school
    /// is in it so the feed can be filtered for the school without reading the pupil.
    /// </summary>
    public string FeedSubject => string.Create(CultureInfo.InvariantCulture,
        $"{PupilId}#{ApUrn}#{HomeSchoolUrn}#{Date:yyyy-MM-dd}#{SessionName(Session)}");

    /// <summary>The home school named in a not-arrived feed subject; null for anything else.</summary>
    public static string? HomeSchoolOf(string feedSubject)
    {
        var parts = feedSubject?.Split('#');
        return parts is { Length: 5 } ? parts[2] : null;
    }

    /// <summary>As GraphQL spells a session: TUE_AM.</summary>
    public static string SessionName(Session session)
    {
        var name = session.ToString();
        return string.Concat(name[..3].ToUpperInvariant(), "_", name[3..].ToUpperInvariant());
    }
}
