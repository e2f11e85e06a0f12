using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Resolvers;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// Puts the access audit on the graph types rather than in every resolver: each field of a type that
/// shows part of a pupil's record notes a read, and each mutation on a pupil notes a change.
/// </summary>
public static class AuditedFields
{
    /// <summary>Marks a type whose fields note reads, so <see cref="AuditedReturns"/> finds the fields that return it.</summary>
    public const string AuditedType = "apgrid:audited";

    /// <summary>Wraps every field of <paramref name="type"/>; call it after the type's fields are defined.</summary>
    public static void RecordReads(IComplexGraphType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type.Metadata[AuditedType] = true;
        foreach (var field in type.Fields)
        {
            field.Resolver = new AuditedFieldResolver(field.Resolver ?? NameFieldResolver.Instance, AuditAction.Read, $"{type.Name}.{field.Name}", PupilIdOf);
        }
    }

    /// <summary>Wraps a mutation whose result is (part of) a pupil's record.</summary>
    public static FieldType RecordChange(FieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Resolver = new AuditedFieldResolver(field.Resolver ?? NameFieldResolver.Instance, AuditAction.Change, "Mutation." + field.Name, PupilIdOf);
        return field;
    }

    /// <summary>The pupil whose record a resolved object is part of; null for anything else.</summary>
    public static string? PupilIdOf(object? value) => value switch
    {
        PupilView pupil => pupil.Snapshot.Id,
        PlacementView placement => placement.Pupil.Snapshot.Id,
        ReferralView referral => referral.Pupil.Snapshot.Id,
        EhcpCaseView ehcp => ehcp.Entry.PupilId,
        WaitingListEntryView entry => entry.Record.PupilId,
        OutreachRequestRecord request => request.PupilId,
        ExclusionView exclusion => exclusion.Pupil.Snapshot.Id,
        SixthDayDutyView duty => duty.Status.Entry.PupilId,
        UpnMatch match => match.PupilId,
        _ => null,
    };
}
