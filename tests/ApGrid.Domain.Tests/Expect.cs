using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

/// <summary>Shared assertion so every test checks both the error code and the field, not just that something threw.</summary>
internal static class Expect
{
    public static DomainError Error(Action act, ErrorCode code, string field)
    {
        var exception = Assert.Throws<DomainRuleException>(act);
        Assert.Equal(code, exception.Error.Code);
        Assert.Equal(field, exception.Error.Field);
        return exception.Error;
    }

    public static DomainError Validation(Action act, string field) => Error(act, ErrorCode.Validation, field);

    public static void Is(DomainError? error, ErrorCode code, string field)
    {
        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }
}
