using System.Text.Json;
using ApGrid.Server.Tests.Running;
using Microsoft.Playwright;

namespace ApGrid.Board.Tests;

/// <summary>axe-core from the board's own npm packages, injected into the page under test.</summary>
internal static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "ApGrid.Board", "node_modules", "axe-core", "axe.min.js")));

    /// <summary>The serious and critical violations on the page as it is now, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'")) await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Script.Value });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await window.axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')})`));
            }
            """);
        return JsonSerializer.Deserialize<string[]>(json)!;
    }
}
