namespace ApGrid.Api.GraphQL.Views;

public sealed record NotArrivedAlertView(NotArrivedAlert Alert, PupilView Pupil);
