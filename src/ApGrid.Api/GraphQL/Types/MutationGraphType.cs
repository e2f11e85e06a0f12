using ApGrid.Api.Auth;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        Field<NonNullGraphType<ApSettingGraphType>>("setApAvailability")
            .Argument<NonNullGraphType<SetApAvailabilityInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var urn = (string)input["urn"]!;
                if (!Urn.TryParse(urn, out _)) throw ApGridError.Validation("urn", "urn must be 6 digits.");
                Access.RequireLaOrStaffOf(c.Caller(), Role.ApStaff, urn);
                var availability = new ApAvailability(
                    (int)input["fullTimePlaces"]!,
                    [.. ((IEnumerable<object>)input["sessions"]!).Cast<IDictionary<string, object?>>()
                        .Select(s => new SessionPlaces((Session)s["session"]!, (int)s["places"]!))],
                    Convert.ToDouble(input["outreachHoursPerWeek"], System.Globalization.CultureInfo.InvariantCulture));
                // The setting answers NotFound itself, before it looks at anything else.
                var result = await c.TenantGrain<IApSettingGrain>(urn).SetAvailabilityAsync(availability);
                return result.Value ?? throw ApGridError.From(result.Error!);
            });
        Field<NonNullGraphType<PupilGraphType>>("registerPupil")
            .Argument<NonNullGraphType<RegisterPupilInputGraphType>>("input").ResolveAsync(PlacementMutations.RegisterPupilAsync);
        Field<NonNullGraphType<PupilGraphType>>("updatePupil")
            .Description("Corrects a pupil's record (LA or home school), with registration's checks; every correction is kept with who, when and why.")
            .Argument<NonNullGraphType<UpdatePupilInputGraphType>>("input").ResolveAsync(PlacementMutations.UpdatePupilAsync);
        Field<NonNullGraphType<ReferralGraphType>>("submitReferral")
            .Argument<NonNullGraphType<SubmitReferralInputGraphType>>("input").ResolveAsync(PlacementMutations.SubmitReferralAsync);
        Field<NonNullGraphType<ReferralGraphType>>("recordParentalConsent")
            .Argument<NonNullGraphType<IdGraphType>>("referralId")
            .Argument<NonNullGraphType<DateGraphType>>("noticeGivenOn").ResolveAsync(PlacementMutations.RecordParentalConsentAsync);
        Field<NonNullGraphType<ReferralGraphType>>("decideReferral")
            .Argument<NonNullGraphType<DecideReferralInputGraphType>>("input").ResolveAsync(PlacementMutations.DecideReferralAsync);
        Field<NonNullGraphType<PlacementGraphType>>("startPlacement")
            .Argument<NonNullGraphType<StartPlacementInputGraphType>>("input").ResolveAsync(PlacementMutations.StartPlacementAsync);
        Field<NonNullGraphType<PlacementGraphType>>("recordPlacementReview")
            .Argument<NonNullGraphType<RecordReviewInputGraphType>>("input").ResolveAsync(PlacementMutations.RecordPlacementReviewAsync);
        Field<NonNullGraphType<PlacementGraphType>>("endPlacement")
            .Argument<NonNullGraphType<EndPlacementInputGraphType>>("input").ResolveAsync(PlacementMutations.EndPlacementAsync);
        Field<NonNullGraphType<PlacementGraphType>>("arrangePlacement")
            .Description("A placement on any route but LA_PANEL: the home school for OFF_SITE_DIRECTION and SUSPENSION_PROVISION, the LA for the others.")
            .Argument<NonNullGraphType<ArrangePlacementInputGraphType>>("input").ResolveAsync(LivePlacementMutations.ArrangePlacementAsync);
        Field<NonNullGraphType<PlacementGraphType>>("arrangeProvisionAfterExclusion")
            .Description("The fast path from an exclusion to the provision it calls for from day 6: S19_PERMANENT_EXCLUSION by the LA, SUSPENSION_PROVISION by the school; no panel, notice or consent.")
            .Argument<NonNullGraphType<ProvisionAfterExclusionInputGraphType>>("input").ResolveAsync(LivePlacementMutations.ArrangeProvisionAfterExclusionAsync);
        Field<NonNullGraphType<PlacementGraphType>>("amendPlacement")
            .Description("Changes a live placement's sessions or planned end from a date (a phased return); the setting's places move in one step.")
            .Argument<NonNullGraphType<AmendPlacementInputGraphType>>("input").ResolveAsync(LivePlacementMutations.AmendPlacementAsync);
        Field<NonNullGraphType<PlacementGraphType>>("transferPlacement")
            .Description("Moves a live placement to another AP setting without a new panel; answers with the new placement.")
            .Argument<NonNullGraphType<TransferPlacementInputGraphType>>("input").ResolveAsync(LivePlacementMutations.TransferPlacementAsync);
        Field<NonNullGraphType<PackageGraphType>>("setPupilTimetable")
            .Description("The pupil's home-school sessions and tuition from a date; below a full week it needs partTimeAgreedBy and partTimeEndsOn.")
            .Argument<NonNullGraphType<SetPupilTimetableInputGraphType>>("input").ResolveAsync(LivePlacementMutations.SetPupilTimetableAsync);
        Field<NonNullGraphType<ReferralGraphType>>("withdrawReferral")
            .Argument<NonNullGraphType<IdGraphType>>("referralId")
            .Argument<NonNullGraphType<StringGraphType>>("reason").ResolveAsync(LivePlacementMutations.WithdrawReferralAsync);
        Field<NonNullGraphType<PlacementGraphType>>("setReintegrationPlan")
            .Argument<NonNullGraphType<SetReintegrationPlanInputGraphType>>("input").ResolveAsync(LivePlacementMutations.SetReintegrationPlanAsync);
        Field<NonNullGraphType<PlacementGraphType>>("recordReintegrationCheckIn")
            .Argument<NonNullGraphType<RecordReintegrationCheckInInputGraphType>>("input").ResolveAsync(LivePlacementMutations.RecordReintegrationCheckInAsync);
        Field<NonNullGraphType<PlacementGraphType>>("acknowledgePlacementNotification")
            .Description("LA officers: acknowledge a school's notification of a placement it commissioned (a queried one too).")
            .Argument<NonNullGraphType<IdGraphType>>("placementId")
            .Argument<StringGraphType>("note").ResolveAsync(c => LivePlacementMutations.RespondToNotificationAsync(c, LaNotificationStep.Acknowledged, "note"));
        Field<NonNullGraphType<PlacementGraphType>>("queryPlacementNotification")
            .Description("LA officers: ask the school a question about a placement it told the LA about; it stays on the list until acknowledged.")
            .Argument<NonNullGraphType<IdGraphType>>("placementId")
            .Argument<NonNullGraphType<StringGraphType>>("question").ResolveAsync(c => LivePlacementMutations.RespondToNotificationAsync(c, LaNotificationStep.Queried, "question"));
        Field<NonNullGraphType<PlacementGraphType>>("answerPlacementQuery")
            .Description("The home school answers the LA's open question about a placement it commissioned.")
            .Argument<NonNullGraphType<IdGraphType>>("placementId")
            .Argument<NonNullGraphType<StringGraphType>>("answer").ResolveAsync(c => LivePlacementMutations.RespondToNotificationAsync(c, LaNotificationStep.Answered, "answer"));
        Field<NonNullGraphType<LocalAuthorityGraphType>>("setConsentPolicy")
            .Description("LA officers: the routes on which the LA asks for parental consent before a placement starts (its policy; the law asks for none).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementRouteEnumGraphType>>>>("routes").ResolveAsync(LivePlacementMutations.SetConsentPolicyAsync);
        Field<NonNullGraphType<EhcpCaseGraphType>>("requestEhcAssessment")
            .Argument<NonNullGraphType<IdGraphType>>("pupilId")
            .Argument<NonNullGraphType<DateGraphType>>("requestedOn")
            .Argument<EhcRequestSourceEnumGraphType>("requestSource").ResolveAsync(EhcpQueries.RequestAssessmentAsync);
        Field<NonNullGraphType<EhcpCaseGraphType>>("recordEhcpMilestone")
            .Argument<NonNullGraphType<RecordEhcpMilestoneInputGraphType>>("input").ResolveAsync(EhcpQueries.RecordMilestoneAsync);
        EhcpLifecycleMutations.AddTo(this);
        WebhookFields.AddMutations(this);
        AttendanceFields.AddMutations(this);
        Field<NonNullGraphType<SpecialSchoolGraphType>>("setSpecialSchoolPlaces")
            .Argument<NonNullGraphType<StringGraphType>>("urn")
            .Argument<NonNullGraphType<IntGraphType>>("places")
            .ResolveAsync(async c =>
            {
                var urn = c.UrnArgument("urn");
                Access.RequireLaOrStaffOf(c.Caller(), Role.SpecialSchoolStaff, urn);
                var school = c.TenantGrain<ISpecialSchoolGrain>(urn);
                if (await school.GetAsync() is null) throw ApGridError.NotFound("urn", "special school");
                var result = await school.SetPlacesAsync(c.GetArgument<int>("places"));
                return result.Value ?? throw ApGridError.From(result.Error!);
            });
        Field<NonNullGraphType<WaitingListEntryGraphType>>("addToWaitingList")
            .Argument<NonNullGraphType<AddToWaitingListInputGraphType>>("input").ResolveAsync(WaitingListQueries.AddAsync);
        Field<NonNullGraphType<WaitingListEntryGraphType>>("offerSpecialSchoolPlace")
            .Argument<NonNullGraphType<IdGraphType>>("entryId")
            .Argument<StringGraphType>("reason").Description("Why the place goes to someone other than the first waiting pupil; the LA only.")
            .ResolveAsync(WaitingListQueries.OfferAsync);
        Field<NonNullGraphType<WaitingListEntryGraphType>>("respondToOffer")
            .Argument<NonNullGraphType<IdGraphType>>("entryId")
            .Argument<NonNullGraphType<BooleanGraphType>>("accepted").ResolveAsync(WaitingListQueries.RespondAsync);
        Field<NonNullGraphType<OutreachRequestGraphType>>("requestOutreach")
            .Argument<NonNullGraphType<RequestOutreachInputGraphType>>("input").ResolveAsync(OutreachQueries.RequestAsync);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutreachAllocationGraphType>>>>("allocateOutreach")
            .ResolveAsync(OutreachQueries.AllocateAsync);
        Field<NonNullGraphType<SchoolCalendarYearGraphType>>("setSchoolTerms")
            .Description("LA officers only: the six half-terms and the LA's INSET days of one academic year, replacing what was there.")
            .Argument<NonNullGraphType<SetSchoolTermsInputGraphType>>("input").ResolveAsync(SchoolCalendarQueries.SetTermsAsync);
        Field<NonNullGraphType<SchoolCalendarYearGraphType>>("setSchoolInsetDays")
            .Description("The school's own staff or the LA: a school's INSET days on top of the LA's.")
            .Argument<NonNullGraphType<SetSchoolInsetDaysInputGraphType>>("input").ResolveAsync(SchoolCalendarQueries.SetSchoolInsetDaysAsync);
        Field<NonNullGraphType<ExclusionGraphType>>("recordExclusion")
            .Description("The home school's staff or the LA: a suspension or permanent exclusion, its sixth school day counted on the home school's calendar.")
            .Argument<NonNullGraphType<RecordExclusionInputGraphType>>("input").ResolveAsync(ExclusionQueries.RecordAsync);
        Field<NonNullGraphType<ExclusionGraphType>>("reinstateExclusion")
            .Description("The home school's staff or the LA: the governing board directed reinstatement, or the head withdrew the exclusion.")
            .Argument<NonNullGraphType<IdGraphType>>("exclusionId")
            .Argument<NonNullGraphType<DateGraphType>>("reinstatedOn").ResolveAsync(ExclusionQueries.ReinstateAsync);
        ProviderMutations.AddTo(this);

        UpnMatchFields.AddMutations(this);
        // Last, so the printed schema grows at its end.
        AccessQueries.AddMutations(this);

        // Every mutation is audited; those whose result is no part of a pupil's record note nothing.
        foreach (var field in Fields) AuditedFields.RecordChange(field);
    }
}
