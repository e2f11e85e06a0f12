namespace ApGrid.Server.Tests.Gias;

/// <summary>
/// URNs of one test's own establishments: "14" and three random digits shared by the test, then a
/// digit per establishment, so tests sharing the server never meet (demo URNs are 100000–139999).
/// </summary>
internal sealed class GiasUrns
{
    private readonly string stem = "14" + Random.Shared.Next(0, 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    public string this[int n] => stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
