using ApGrid.Api.GraphQL.Views;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>An AP setting, resolved from the LA's capacity index or the setting itself; both carry the same snapshot.</summary>
public sealed class ApSettingGraphType : ObjectGraphType<ApCapacitySnapshot>
{
    public ApSettingGraphType()
    {
        Name = "ApSetting";
        Field<NonNullGraphType<StringGraphType>>("urn").Resolve(c => c.Source.Urn).CachedByCapacityVersion();
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Profile.Name).CachedByCapacityVersion();
        Field<NonNullGraphType<ApSettingTypeEnumGraphType>>("type").Resolve(c => c.Source.Profile.Type).CachedByCapacityVersion();
        Field<NonNullGraphType<BooleanGraphType>>("registered").Resolve(c => c.Source.Profile.Registered).CachedByCapacityVersion();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KeyStageEnumGraphType>>>>("keyStages").Resolve(c => c.Source.Profile.KeyStages).CachedByCapacityVersion();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeedTypeEnumGraphType>>>>("specialisms").Resolve(c => c.Source.Profile.Specialisms).CachedByCapacityVersion();
        Field<NonNullGraphType<GeoPointGraphType>>("location").Resolve(c => c.Source.Profile.Location).CachedByCapacityVersion();
        Field<NonNullGraphType<SessionTimesGraphType>>("sessionTimes").Resolve(c => c.Source.Profile.Times).CachedByCapacityVersion();
        Field<NonNullGraphType<IntGraphType>>("fullTimePlaces").Resolve(c => c.Source.FullTimePlaces).CachedByCapacityVersion();
        Field<NonNullGraphType<IntGraphType>>("fullTimePlacesFree")
            .Description("Exact for LA officers and the setting's own staff. For everyone else \"at least this many\": 0 (full), 1 (one to four), else rounded down to a multiple of 5, so that places in use are never an exact small number (docs/security.md).")
            .Resolve(c => Seen(c).FullTimePlacesFree).CachedByCapacityVersion();
        Field<IntGraphType>("placesInUse")
            .Description("Full-time places in use; null for everyone but LA officers and the setting's own staff, who see placesInUseBand.")
            .Resolve(c => Access.SeesExactCapacity(c.Caller(), c.Source.Urn) ? c.Source.FullTimePlacesInUse : null).CachedByCapacityVersion();
        Field<NonNullGraphType<CountBandEnumGraphType>>("placesInUseBand")
            .Description("Full-time places in use as a band, zero among FEWER_THAN_FIVE: what everyone outside the LA and the setting is told.")
            .Resolve(c => DisclosureControl.Band(c.Source.FullTimePlacesInUse)).CachedByCapacityVersion();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionCapacityGraphType>>>>("sessions").Resolve(c => SessionCapacityView.Of(c.Caller(), c.Source)).CachedByCapacityVersion();
        Field<NonNullGraphType<FloatGraphType>>("outreachHoursPerWeek").Resolve(c => c.Source.OutreachHoursPerWeek).CachedByCapacityVersion();
        Field<NonNullGraphType<FloatGraphType>>("outreachHoursFree")
            .Description("Exact for LA officers and the setting's own staff; for everyone else rounded down to a multiple of 5 hours.")
            .Resolve(c => Seen(c).OutreachHoursFree).CachedByCapacityVersion();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementGraphType>>>>("placements")
            .Argument<PlacementStatusEnumGraphType>("status")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                Access.RequireLaOrStaffOf(caller, Auth.Role.ApStaff, c.Source.Urn);

                // Ended placements stay visible to the LA only: an AP's staff lose sight of a pupil when the placement ends.
                var status = c.GetArgument<PlacementStatus?>("status");
                var setting = c.TenantGrain<IApSettingGrain>(c.Source.Urn);
                var refs = new List<PlacementRef>();
                if (status is null or PlacementStatus.Active) refs.AddRange(await setting.GetPlacementsAsync(active: true));
                if (status is null or PlacementStatus.Ended && caller.IsLaOfficer) refs.AddRange(await setting.GetPlacementsAsync(active: false));
                var pupils = await Task.WhenAll(refs.Select(r => r.PupilId).Distinct().Select(id => c.TenantGrain<IPupilGrain>(id).GetAsync()));
                return pupils.OfType<PupilSnapshot>()
                    .Where(p => caller.IsLaOfficer || PupilAccess.CanSee(caller, p))
                    .SelectMany(p => p.Placements
                        .Where(pl => pl.ApUrn == c.Source.Urn && refs.Any(r => r.PlacementId == pl.PlacementId))
                        .Select(pl => new PlacementView(pl, new PupilView(p, UpnVisible: true))))
                    .Where(v => status is null || (v.Placement.IsActive ? PlacementStatus.Active : PlacementStatus.Ended) == status)
                    .OrderBy(v => v.Placement.StartDate)
                    .ToList();
            });
        Field<StringGraphType>("ukprn").Resolve(c => c.Source.Profile.Ukprn).CachedByCapacityVersion();
        Field<NonNullGraphType<BooleanGraphType>>("localReference")
            .Description("The urn is the LA's reference for a non-school provider, which has no DfE URN.")
            .Resolve(c => c.Source.Profile.LocalReference).CachedByCapacityVersion();
        Field<StringGraphType>("address").Resolve(c => c.Source.Profile.Address).CachedByCapacityVersion();
        Field<StringGraphType>("postcode").Resolve(c => c.Source.Profile.Postcode).CachedByCapacityVersion();
        Field<NonNullGraphType<BooleanGraphType>>("closed").Description("GIAS lists the setting as closed; its placements follow its successor (see docs/data.md).")
            .Resolve(c => c.Source.Profile.Closed).CachedByCapacityVersion();
        Field<DateGraphType>("closedOn").Description("The day GIAS says the setting closed; null while open or when GIAS gives no date.")
            .Resolve(c => c.Source.Profile.ClosedOn).CachedByCapacityVersion();
        Field<IntGraphType>("giasPlaces").Description("PlacesPRU as GIAS records it: the DfE's figure, apart from the places the LA offers.")
            .Resolve(c => c.Source.Profile.GiasPlaces).CachedByCapacityVersion();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProviderContactGraphType>>>>("contacts").Resolve(c => c.Source.Profile.Contacts).CachedByCapacityVersion();

        // Not cached by the index's version: a standing changes with the date as well.
        Field<NonNullGraphType<ProviderStandingGraphType>>("standing")
            .Description("The provider's place on the LA's approved register today.")
            .Resolve(c => ProviderStandingView.Of(c.Source, c.Caller(), c.Today()));
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt")
            .Description("The last change; for everyone but LA officers and the setting's own staff, the last change to what they are shown.")
            .Resolve(c => Seen(c).UpdatedAt).CachedByCapacityVersion();
        this.AddConnectionFor<PlacementGraphType>("placements");
    }

    private static ApCapacitySnapshot Seen(IResolveFieldContext<ApCapacitySnapshot> context) => Access.CapacityAsSeenBy(context.Caller(), context.Source);
}
