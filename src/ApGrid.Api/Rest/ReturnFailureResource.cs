using ApGrid.Domain.Returns;

namespace ApGrid.Api.Rest;

/// <summary>One validation failure of a return: the pupil, the specification's item and what is wrong.</summary>
public sealed record ReturnFailureResource(string PupilId, string Upn, string Item, string Message)
{
    public static ReturnFailureResource From(ReturnFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(failure.PupilId, failure.Upn, failure.Item, failure.Message);
    }
}
