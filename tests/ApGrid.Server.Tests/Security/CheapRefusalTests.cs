using ApGrid.Server.Tests.Api;
using Xunit.Abstractions;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// A document that will be refused is refused before graphql-dotnet's validation, whose
/// overlapping-fields rule is quadratic in repeated fields: the server's CPU time per refusal is
/// measured from the process itself.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class CheapRefusalTests(RunningServerFixture server, ITestOutputHelper output)
{
    private const int Requests = 20;

    /// <summary>31 KB: one field with a selection, repeated 750 times in one selection set. A comment makes each text new, so no cache answers for it.</summary>
    private static string RepeatedFieldDocument(int variant) =>
        $"# {variant}\n{{ localAuthority {{ apSettings {{ "
        + string.Concat(Enumerable.Repeat("location { latitude longitude latitude } ", 750)) + "} } }";

    [Fact]
    public async Task A_document_with_750_repeated_fields_is_refused_in_a_few_milliseconds_of_server_CPU()
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");
        Assert.InRange(RepeatedFieldDocument(0).Length, 30_000, 32 * 1024);
        await server.PostAsync(token, "{ viewer { tenant } }");

        var fresh = await CpuPerRequestAsync(token, RepeatedFieldDocument);
        var repeated = await CpuPerRequestAsync(token, _ => RepeatedFieldDocument(-1));

        output.WriteLine($"750 repeated fields, 31 KB: {fresh.TotalMilliseconds:F1} ms server CPU per new document, {repeated.TotalMilliseconds:F1} ms per repeat (mean of {Requests})");
        Console.WriteLine($"750 repeated fields, 31 KB: {fresh.TotalMilliseconds:F1} ms server CPU per new document, {repeated.TotalMilliseconds:F1} ms per repeat (mean of {Requests})");

        // Generous for a shared 2-core machine; the figure measured is in docs/security.md. Before the linear pass it was 500-1,100 ms.
        Assert.InRange(fresh, TimeSpan.Zero, TimeSpan.FromMilliseconds(60));
        Assert.InRange(repeated, TimeSpan.Zero, TimeSpan.FromMilliseconds(60));
    }

    /// <summary>
    /// Close to every limit of the linear pass (845 fields, each name 10 times in its set, 4 aliases-free
    /// repeats of a list): what full validation may still be asked to do, which bounds its time.
    /// </summary>
    private static string CostliestAcceptedShape(int variant) =>
        $"# {variant}\n{{ localAuthority {{ "
        + string.Concat(Enumerable.Repeat("apSettings { " + string.Concat(Enumerable.Repeat(
            "location { " + string.Concat(Enumerable.Repeat("latitude longitude ", 10)) + "} ", 10)) + "} ", 4)) + "} }";

    [Fact]
    public async Task The_costliest_document_the_linear_pass_lets_through_is_validated_in_bounded_time()
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");
        await server.PostAsync(token, "{ viewer { tenant } }");

        var before = server.ServerProcessorTime;
        for (var i = 0; i < Requests; i++) await server.PostAsync(token, CostliestAcceptedShape(i));
        var each = (server.ServerProcessorTime - before) / Requests;

        output.WriteLine($"costliest shape under the limits: {each.TotalMilliseconds:F1} ms server CPU per new document (mean of {Requests})");
        Console.WriteLine($"costliest shape under the limits: {each.TotalMilliseconds:F1} ms server CPU per new document (mean of {Requests})");
        Assert.InRange(each, TimeSpan.Zero, TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task A_field_repeated_through_fragments_is_refused_with_its_name()
    {
        var token = await server.TokenAsync("901", "LA_OFFICER");
        var fragments = string.Concat(Enumerable.Range(0, 12).Select(i => $" fragment F{i} on LocalAuthority {{ name }}"));
        var query = "{ localAuthority { " + string.Concat(Enumerable.Range(0, 12).Select(i => $"...F{i} ")) + "} }" + fragments;

        var response = await server.PostAsync(token, query);

        Assert.Equal("LIMIT_EXCEEDED", response.FirstErrorCode);
        Assert.Contains("name is selected 12 times", response.FirstErrorMessage, StringComparison.Ordinal);
    }

    private async Task<TimeSpan> CpuPerRequestAsync(string token, Func<int, string> document)
    {
        var before = server.ServerProcessorTime;
        for (var i = 0; i < Requests; i++)
        {
            var response = await server.PostAsync(token, document(i));
            Assert.Equal("LIMIT_EXCEEDED", response.FirstErrorCode);
        }

        return (server.ServerProcessorTime - before) / Requests;
    }
}
