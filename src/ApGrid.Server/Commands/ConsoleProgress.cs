using System.Globalization;
using ApGrid.Api.Gias;

namespace ApGrid.Server.Commands;

/// <summary>
/// A bar redrawn in place on a terminal; when the output goes to a file or a pipe, a plain line at
/// each tenth instead, so a log reads as a list rather than a heap of carriage returns.
/// </summary>
public sealed class ConsoleProgress(TextWriter output, bool terminal) : IProgress<GiasImportProgress>
{
    private const int Width = 30;
    private readonly Lock gate = new();
    private string? stage;
    private int lastTenth = -1;

    public void Report(GiasImportProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            var done = Math.Clamp(value.Done, 0, 1);
            if (value.Stage != stage)
            {
                if (terminal && stage is not null) output.WriteLine();
                stage = value.Stage;
                lastTenth = -1;
            }

            if (terminal)
            {
                var filled = (int)(done * Width);
                output.Write(string.Create(CultureInfo.InvariantCulture, $"\r{stage,-24} [{new string('#', filled)}{new string(' ', Width - filled)}] {done * 100,3:0}%"));
                return;
            }

            var tenth = (int)(done * 10);
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage}: {done * 100:0}%"));
        }
    }

    /// <summary>Ends the bar's line so what follows starts on its own.</summary>
    public void Finish()
    {
        lock (gate)
        {
            if (terminal && stage is not null) output.WriteLine();
            stage = null;
        }
    }
}
