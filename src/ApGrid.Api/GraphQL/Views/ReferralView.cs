namespace ApGrid.Api.GraphQL.Views;

public sealed record ReferralView(ReferralRecord Referral, PupilView Pupil);
