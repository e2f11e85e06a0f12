using ApGrid.Api.GraphQL;
using GraphQL;
using GraphQL.Execution;

namespace ApGrid.Api.Tests.Transport;

public sealed class ErrorInfoProviderTests
{
    [Fact]
    public void Outside_development_an_unexpected_error_reveals_nothing()
    {
        var provider = new ApGridErrorInfoProvider(exposeExceptionDetails: false);
        var error = new UnhandledError("Error trying to resolve field 'x'.", new InvalidOperationException("Npgsql: password authentication failed for user apgrid"));

        var info = provider.GetInfo(error);

        Assert.Equal("An internal error occurred.", info.Message);
        Assert.Equal("INTERNAL", info.Extensions!["code"]);
        Assert.DoesNotContain("Npgsql", info.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_error_keeps_its_code_and_field()
    {
        var info = new ApGridErrorInfoProvider(false).GetInfo(ApGridError.Validation("fullTimePlaces", "fullTimePlaces must be between 0 and 500."));

        Assert.Equal("VALIDATION", info.Extensions!["code"]);
        Assert.Equal("fullTimePlaces", info.Extensions["field"]);
    }

    [Theory]
    [InlineData(true, "LIMIT_EXCEEDED")]
    [InlineData(false, "BAD_REQUEST")]
    public void A_document_over_a_limit_reads_as_limit_exceeded_and_a_refused_operation_as_bad_request(bool overLimit, string code)
    {
        ExecutionError error = overLimit
            ? new ApGrid.Api.GraphQL.Transport.DocumentLimitError("The document uses 31 aliases; the limit is 30.")
            : new ApGrid.Api.GraphQL.Transport.OperationNotAllowedError("Subscriptions need the WebSocket transport (graphql-transport-ws) on this endpoint.");

        var info = new ApGridErrorInfoProvider(false).GetInfo(error);

        Assert.Equal(code, info.Extensions!["code"]);
        Assert.Equal(error.Message, info.Message);
    }

    [Fact]
    public void A_tenant_mismatch_reads_as_not_found()
    {
        var error = new UnhandledError("x", new ApGrid.Grains.Abstractions.TenantMismatchException("A call for tenant '901' was refused by a grain of tenant '902'."));

        var info = new ApGridErrorInfoProvider(false).GetInfo(error);

        Assert.Equal("NOT_FOUND", info.Extensions!["code"]);
        Assert.DoesNotContain("902", info.Message, StringComparison.Ordinal);
    }
}
