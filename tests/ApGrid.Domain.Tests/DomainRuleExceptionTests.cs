using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class DomainRuleExceptionTests
{
    [Fact]
    public void Carries_the_error_and_uses_its_message()
    {
        var error = DomainError.NotFound("pupilId", "No such pupil.");

        var exception = new DomainRuleException(error);

        Assert.Same(error, exception.Error);
        Assert.Equal("No such pupil.", exception.Message);
    }

    [Fact]
    public void Rejects_a_null_error()
    {
        Assert.Throws<ArgumentNullException>(() => new DomainRuleException(null!));
    }

    [Fact]
    public void ThrowIfError_throws_only_when_there_is_an_error()
    {
        DomainRuleException.ThrowIfError(null);

        var error = DomainError.Forbidden("tenantId", "Not your LA.");
        var thrown = Assert.Throws<DomainRuleException>(() => DomainRuleException.ThrowIfError(error));
        Assert.Same(error, thrown.Error);
    }
}
