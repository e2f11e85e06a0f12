namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.SchoolState")]
public sealed class SchoolState
{
    [Id(0)] public SchoolProfile? Profile { get; set; }
    [Id(1)] public List<string> PupilIds { get; set; } = [];
}
