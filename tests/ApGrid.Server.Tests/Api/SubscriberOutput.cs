using System.Diagnostics;
using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>Reads the JSON lines that tests/js/subscribe.mjs prints for each graphql-ws message.</summary>
internal static class SubscriberOutput
{
    public static async Task WaitForAsync(Process process, string expectedEvent)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Contains($"\"event\":\"{expectedEvent}\"", StringComparison.Ordinal)) return;
            if (line.Contains("\"event\":\"done\"", StringComparison.Ordinal) || line.Contains("\"event\":\"error\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(line + await process.StandardError.ReadToEndAsync());
            }
        }

        throw new InvalidOperationException("the client exited: " + await process.StandardError.ReadToEndAsync());
    }

    public static async Task<JsonElement?> ReadNextAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var message = JsonDocument.Parse(line).RootElement.Clone();
            switch (message.GetProperty("event").GetString())
            {
                case "next": return message;
                case "error": throw new InvalidOperationException(line);
                case "done": return null;
            }
        }

        return null;
    }
}
