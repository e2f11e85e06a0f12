using global::GraphQL;
using global::GraphQL.Resolvers;
using global::GraphQL.Types;
using global::GraphQL.Utilities;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// Runs once the schema's types are resolved: every query field that returns a type marked by
/// <see cref="AuditedFields.RecordReads"/> also notes a read of what it returned, so a selection of
/// nothing but <c>__typename</c> on a pupil (which still tells that the pupil exists) is audited.
/// Mutations note their changes, and subscription events are read through their fields.
/// </summary>
public sealed class AuditedReturns : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(schema);
        // A field of an audited type already notes its source's pupil, which is the pupil of anything it returns.
        if (type == schema.Mutation || type == schema.Subscription || type.Name.StartsWith("__", StringComparison.Ordinal) || type.GetMetadata(AuditedFields.AuditedType, false)) return;
        if (field.ResolvedType?.GetNamedType() is not { } named || !named.GetMetadata(AuditedFields.AuditedType, false)) return;
        field.Resolver = new AuditedFieldResolver(field.Resolver ?? NameFieldResolver.Instance, AuditAction.Read, $"{type.Name}.{field.Name}", AuditedFields.PupilIdOf, ofResult: true);
    }
}
