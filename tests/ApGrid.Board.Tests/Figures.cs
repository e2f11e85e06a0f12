using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApGrid.Board.Tests;

/// <summary>
/// Measured figures (bundle size, first render, live latency), kept in docs/board/figures.json so
/// docs/board.md can point at the latest run's numbers rather than at numbers someone typed once.
/// </summary>
internal static class Figures
{
    private static readonly Lock Gate = new();
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Record(string name, string value)
    {
        lock (Gate)
        {
            var path = Path.Combine(BoardFixture.DocsDirectory, "figures.json");
            var figures = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : [];
            figures[name] = value;
            figures["measuredOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            File.WriteAllText(path, figures.ToJsonString(Indented) + "\n");
        }
    }
}
