using System.Text.RegularExpressions;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Docs;

/// <summary>A fenced block of README.md or docs/*.md whose info string says <c>example</c> (<c>```sh example</c>).</summary>
public sealed partial record DocsExample(string File, int Line, string Language, string Code)
{
    public static IReadOnlyList<DocsExample> In(string relativePath)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(RepositoryRoot.Path, relativePath));
        var examples = new List<DocsExample>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Fence().Match(lines[i]) is not { Success: true } open) continue;
            var end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            if (end < 0) throw new InvalidOperationException($"{relativePath}:{i + 1}: the block never closes");
            examples.Add(new DocsExample(relativePath, i + 1, open.Groups[1].Value, string.Join('\n', lines[(i + 1)..end])));
            i = end;
        }

        return examples;
    }

    public override string ToString() => $"{File}:{Line} ({Language})";

    [GeneratedRegex(@"^```(\w+) example\s*$")]
    private static partial Regex Fence();
}
