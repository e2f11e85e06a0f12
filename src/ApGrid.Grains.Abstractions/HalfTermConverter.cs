namespace ApGrid.Grains.Abstractions;

[RegisterConverter]
public sealed class HalfTermConverter : IConverter<HalfTerm, HalfTermSurrogate>
{
    public HalfTerm ConvertFromSurrogate(in HalfTermSurrogate surrogate) => new(surrogate.Start, surrogate.End);

    public HalfTermSurrogate ConvertToSurrogate(in HalfTerm value) => new(value.Start, value.End);
}
