using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Readable names; each value's description and the marks' code field carry the official code.</summary>
public sealed class AttendanceCodeEnumGraphType : EnumerationGraphType<AttendanceCode>
{
    public AttendanceCodeEnumGraphType()
    {
        Name = "AttendanceCode";
        Description = "A session's attendance mark, from the national codes (Working together to improve school attendance, 2024).";
        foreach (var value in Values)
        {
            var code = (AttendanceCode)value.Value!;
            var official = code == AttendanceCode.Present ? "\"/\" (morning) or \"\\\" (afternoon)" : $"\"{AttendanceCodes.CodeOf(code)}\"";
            value.Description = $"{official}: {AttendanceCodes.NameOf(code)}.";
        }
    }
}
