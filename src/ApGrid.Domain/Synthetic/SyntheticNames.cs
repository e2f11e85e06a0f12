namespace ApGrid.Domain.Synthetic;

/// <summary>
/// The words both generated worlds (the server's demo tenants and the seed tool's national world)
/// build names and reasons from. Pure data, here rather than in either builder so that neither
/// copies the other and the tool needs nothing of the executable.
/// </summary>
public static class SyntheticNames
{
    /// <summary>The place part of a school's or setting's name: "{LA} {place} {kind}".</summary>
    public static IReadOnlyList<string> PlaceWords { get; } =
    [
        "Meadow", "Oakfield", "Riverside", "Hillcrest", "Brookside", "Ashgrove", "Kingsway", "Fernhill", "Elmwood",
        "Highfield", "Westgate", "Millbrook", "Hollybank", "Parkside", "Cedar", "Larchwood", "Thornbury", "Willow",
        "Beacon", "Marsh Lane", "Church Road", "Orchard", "Foxhill", "Greenway", "Lakeside", "Moorland", "Stonebridge",
        "Redhill", "Bramley", "Copse", "Heather", "Kestrel", "Linden", "Northgate", "Poplar", "Quarry Bank", "Rowan",
        "Sandfield", "Tannery", "Upton", "Valley", "Wharf", "Yew Tree", "Abbey", "Barley", "Chapel", "Dale", "Eastfield",
        "Fenside", "Goldcrest", "Harebell", "Ivy Lane", "Juniper", "Kingfisher", "Lark Rise", "Mill Lane", "Nightingale",
        "Otterburn", "Pinewood", "Saxon", "Skylark", "Sycamore", "Teal", "Warren", "Windmill", "Woodlands",
    ];

    /// <summary>The letters a pupil's two initials are drawn from.</summary>
    public static IReadOnlyList<char> InitialLetters { get; } = "ABCDEGHJKLMNOPRSTWZ".ToCharArray();

    /// <summary>Why a school asks an AP setting for outreach.</summary>
    public static IReadOnlyList<string> OutreachReasons { get; } =
    [
        "Repeated dysregulation at unstructured times", "Emotionally based school avoidance, attendance falling",
        "Escalating incidents in class; at risk of suspension", "Transition support after a managed move",
        "Social communication needs; staff need strategies", "Anxiety and withdrawal since a family bereavement",
    ];
}
