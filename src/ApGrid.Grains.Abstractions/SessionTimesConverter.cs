namespace ApGrid.Grains.Abstractions;

[RegisterConverter]
public sealed class SessionTimesConverter : IConverter<SessionTimes, SessionTimesSurrogate>
{
    public SessionTimes ConvertFromSurrogate(in SessionTimesSurrogate surrogate) =>
        new(surrogate.MorningStart, surrogate.MorningEnd, surrogate.AfternoonStart, surrogate.AfternoonEnd);

    public SessionTimesSurrogate ConvertToSurrogate(in SessionTimes value) =>
        new(value.MorningStart, value.MorningEnd, value.AfternoonStart, value.AfternoonEnd);
}
