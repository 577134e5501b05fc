using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// Dates as ISO <c>yyyy-MM-dd</c> and instants as ISO <c>uuuu-MM-ddTHH:mm:ss.FFFFFFFFFZ</c>, the forms NodaTime's own
/// System.Text.Json converters write. Written here because those converters find their types by reflection, which the
/// trimmer and the native compiler cannot follow (IL2026/IL3050): these two are all the plan JSON needs, and they keep
/// the package AOT-safe with one dependency fewer.
/// </summary>
internal static class IsoDateConverters
{
    public static JsonConverter<LocalDate> LocalDate { get; } = new PatternConverter<LocalDate>(LocalDatePattern.Iso, "a date (yyyy-MM-dd)");

    public static JsonConverter<Instant> Instant { get; } = new PatternConverter<Instant>(InstantPattern.ExtendedIso, "an instant (yyyy-MM-ddTHH:mm:ssZ)");

    private sealed class PatternConverter<T>(IPattern<T> pattern, string what) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected {what} as a string, not a {reader.TokenType}.");
            }

            string text = reader.GetString()!;
            ParseResult<T> result = pattern.Parse(text);
            return result.Success ? result.Value : throw new JsonException($"'{text}' is not {what}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(pattern.Format(value));
    }
}
