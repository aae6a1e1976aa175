using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthService.Adapters.Http.Contracts;

/// <summary>Every timestamp leaves as RFC 3339 in UTC with a 'Z', whatever offset it was read with.</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
