using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>An allocation, shown from the request it answers.</summary>
public sealed class OutreachAllocationGraphType : ObjectGraphType<OutreachRequestRecord>
{
    public OutreachAllocationGraphType()
    {
        Name = "OutreachAllocation";
        Field<NonNullGraphType<OutreachRequestGraphType>>("request").Resolve(c => c.Source);
        Field<NonNullGraphType<ApSettingGraphType>>("setting").ResolveAsync(async c =>
            await c.TenantGrain<IApSettingGrain>(c.Source.Allocation!.ApUrn).GetCapacityAsync() ?? throw ApGridError.NotFound("urn", "AP setting"));
        Field<NonNullGraphType<FloatGraphType>>("hoursPerWeek").Resolve(c => c.Source.Allocation!.HoursPerWeek);
        Field<NonNullGraphType<DateGraphType>>("startsOn").Resolve(c => c.Source.Allocation!.StartsOn);
    }
}
