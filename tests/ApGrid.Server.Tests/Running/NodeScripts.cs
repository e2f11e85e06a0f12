using System.Diagnostics;

namespace ApGrid.Server.Tests.Running;

/// <summary>
/// Runs the third-party clients in tests/js with Node. Installs their locked npm packages on first
/// use, so `dotnet test` works on a fresh clone as well as in CI: fixtures await
/// <see cref="EnsureInstalledAsync"/> beside their own start-up, and <see cref="Start"/> installs
/// too, so a fixture that forgot cannot fail with a missing module.
/// </summary>
internal static class NodeScripts
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static string Directory => Path.Combine(RepositoryRoot.Path, "tests", "js");

    public static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            // Every package package.json names must be there: a checkout that installed before one was added installs again.
            if (Installed()) return;
            var (exit, output) = await RunToEndAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            if (exit != 0) throw new InvalidOperationException("npm ci failed:\n" + output);
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static bool Installed()
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "package.json")));
        return manifest.RootElement.GetProperty("dependencies").EnumerateObject()
            .All(package => File.Exists(Path.Combine(Directory, "node_modules", package.Name, "package.json")));
    }

    public static Process Start(string script, params string[] arguments)
    {
        // Off the test's synchronisation context: blocking on it from there could deadlock.
        Task.Run(EnsureInstalledAsync).GetAwaiter().GetResult();
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return Process.Start(info) ?? throw new InvalidOperationException("node did not start");
    }

    public static async Task<(int Exit, string Output)> RunToEndAsync(
        string file, string[] arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        using var cancel = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
