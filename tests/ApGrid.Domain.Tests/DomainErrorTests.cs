using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class DomainErrorTests
{
    public static TheoryData<Func<string, string, DomainError>, ErrorCode> Factories => new()
    {
        { DomainError.Validation, ErrorCode.Validation },
        { DomainError.NotFound, ErrorCode.NotFound },
        { DomainError.Forbidden, ErrorCode.Forbidden },
        { DomainError.CapacityExhausted, ErrorCode.CapacityExhausted },
        { DomainError.ConsentRequired, ErrorCode.ConsentRequired },
        { DomainError.Conflict, ErrorCode.Conflict },
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Each_factory_sets_its_code_field_and_message(Func<string, string, DomainError> factory, ErrorCode expected)
    {
        var error = factory("someField", "Something is wrong.");

        Assert.Equal(expected, error.Code);
        Assert.Equal("someField", error.Field);
        Assert.Equal("Something is wrong.", error.Message);
    }

    [Fact]
    public void Errors_with_the_same_parts_are_equal()
    {
        Assert.Equal(DomainError.Conflict("f", "m"), new DomainError(ErrorCode.Conflict, "f", "m"));
        Assert.NotEqual(DomainError.Conflict("f", "m"), DomainError.Validation("f", "m"));
    }
}
