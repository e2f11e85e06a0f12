namespace ApGrid.Server.Commands;

/// <summary>`import gias --establishments FILE [--links FILE] [--la CODE ...] [--dry-run]`, and the configuration overrides after them.</summary>
public sealed record GiasImportArguments(string Establishments, string? Links, IReadOnlyList<string> LaCodes, bool DryRun, IReadOnlyList<string> Configuration)
{
    public const string Usage =
        "Usage: ApGrid.Server import gias --establishments FILE [--links FILE] [--la CODE ...] [--dry-run] [--Orleans:GatewayPort N ...]";

    /// <returns>Null with <paramref name="error"/> set when the arguments are wrong.</returns>
    public static GiasImportArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? establishments = null;
        string? links = null;
        var laCodes = new List<string>();
        var dryRun = false;
        var configuration = new List<string>();
        error = null;
        for (var i = 2; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--establishments" when i + 1 < args.Count:
                    establishments = args[++i];
                    break;
                case "--links" when i + 1 < args.Count:
                    links = args[++i];
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--la":
                    // One or more codes: --la 931 --la 902, or --la 931 902.
                    while (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        var code = args[++i];
                        if (!Domain.LaCode.TryParse(code, out _))
                        {
                            error = $"--la {code}: an LA code is 3 digits, e.g. 931.";
                            return null;
                        }

                        laCodes.Add(code);
                    }

                    break;
                case var key when key.StartsWith("--", StringComparison.Ordinal) && key.Contains(':', StringComparison.Ordinal) && i + 1 < args.Count:
                    configuration.Add(key);
                    configuration.Add(args[++i]);
                    break;
                default:
                    error = $"Unknown or incomplete argument \"{args[i]}\".";
                    return null;
            }
        }

        if (establishments is null)
        {
            error = "--establishments FILE is required.";
            return null;
        }

        return new GiasImportArguments(establishments, links, laCodes, dryRun, configuration);
    }
}
