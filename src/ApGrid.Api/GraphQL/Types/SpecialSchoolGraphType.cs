using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SpecialSchoolGraphType : ObjectGraphType<SpecialSchoolSnapshot>
{
    public SpecialSchoolGraphType()
    {
        Name = "SpecialSchool";
        Field<NonNullGraphType<StringGraphType>>("urn").Resolve(c => c.Source.Urn);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Profile.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeedTypeEnumGraphType>>>>("designations").Resolve(c => c.Source.Profile.Designations);
        Field<NonNullGraphType<GeoPointGraphType>>("location").Resolve(c => c.Source.Profile.Location);
        Field<NonNullGraphType<BooleanGraphType>>("closed").Description("GIAS lists the school as closed; its waiting list follows its successor (see docs/data.md).").Resolve(c => c.Source.Profile.Closed);
        Field<DateGraphType>("closedOn").Description("The day GIAS says the school closed; null while open or when GIAS gives no date.").Resolve(c => c.Source.Profile.ClosedOn);
        Field<StringGraphType>("ukprn").Resolve(c => c.Source.Profile.Ukprn);
        Field<StringGraphType>("postcode").Resolve(c => c.Source.Profile.Postcode);
        Field<NonNullGraphType<IntGraphType>>("places").Resolve(c => c.Source.Places);
        Field<NonNullGraphType<IntGraphType>>("placesFree")
            .Description("Exact for LA officers and the school's own staff; for everyone else \"at least this many\" as ApSetting.fullTimePlacesFree.")
            .Resolve(c => c.Caller() is var caller && (caller.IsLaOfficer || caller.ActsFor(Auth.Role.SpecialSchoolStaff, c.Source.Urn))
                ? c.Source.PlacesFree
                : DisclosureControl.FreePlacesShown(c.Source.PlacesFree));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WaitingListEntryGraphType>>>>("waitingList")
            .ResolveAsync(async c => await WaitingListQueries.ListAsync(c, c.Source.Urn));
        this.AddConnectionFor<WaitingListEntryGraphType>("waitingList");
    }
}
