using System.Text.Json;
using System.Text.Json.Serialization;
using ApGrid.Api.Rest;

namespace ApGrid.Api.Rights;

/// <summary>Writes every enum as GraphQL and REST name its values (OFF_SITE_DIRECTION, MON_AM), never a C# name or a number.</summary>
internal sealed class ContractEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Named<>).MakeGenericType(typeToConvert))!;

    private sealed class Named<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            EnumNames<T>.TryParse(reader.GetString(), out var value) ? value : throw new JsonException($"Not a {typeof(T).Name} value.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(EnumNames<T>.NameOf(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(EnumNames<T>.NameOf(value));
    }
}
