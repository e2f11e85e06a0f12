using ApGrid.Api.GraphQL.Transport;

namespace ApGrid.Api.Tests.Transport;

public sealed class MediaTypesTests
{
    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/json;q=0.5, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.1, application/json", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("text/html", null)]
    [InlineData("application/json; charset=iso-8859-1", null)]
    public void Negotiates_the_response_type_from_accept(string? accept, string? expected) =>
        Assert.Equal(expected, MediaTypes.Negotiate(accept));
}
