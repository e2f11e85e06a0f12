using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ReferralGraphType : ObjectGraphType<ReferralView>
{
    public ReferralGraphType()
    {
        Name = "Referral";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Referral.Id);
        Field<NonNullGraphType<PupilGraphType>>("pupil").Resolve(c => c.Source.Pupil);
        Field<NonNullGraphType<DateGraphType>>("submittedOn").Resolve(c => c.Source.Referral.SubmittedOn);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Referral.Reason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("strategiesTried").Resolve(c => c.Source.Referral.StrategiesTried);
        Field<NonNullGraphType<ReferralStatusEnumGraphType>>("status").Resolve(c => c.Source.Referral.Status);
        Field<DateGraphType>("decidedOn").Resolve(c => c.Source.Referral.DecidedOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("panelMembers").Resolve(c => c.Source.Referral.PanelMembers);
        Field<NonNullGraphType<BooleanGraphType>>("parentalConsent").Resolve(c => c.Source.Referral.ParentalConsent);
        Field<DateGraphType>("consentNoticeGivenOn").Resolve(c => c.Source.Referral.ConsentNoticeGivenOn);
        AuditedFields.RecordReads(this);
    }
}
