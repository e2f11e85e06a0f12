using ApGrid.Domain.Returns;

namespace ApGrid.Api.Returns;

/// <summary>
/// A return as produced: the file (null when validation failed, since a return with failures must
/// not be filed), the failures by pupil, and every pupil it read.
/// </summary>
public sealed record ReturnExport(string Name, string FileName, string MediaType, string? Content, IReadOnlyList<ReturnFailure> Failures, IReadOnlyList<string> PupilIds)
{
    public bool IsValid => Failures.Count == 0;

    public static ReturnExport From<TRow>(string name, string fileName, string mediaType, ReturnResult<TRow> result, Func<IReadOnlyList<TRow>, string> write)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(write);
        return new ReturnExport(name, fileName, mediaType, result.IsValid ? write(result.Rows) : null, result.Failures, result.PupilIds);
    }
}
