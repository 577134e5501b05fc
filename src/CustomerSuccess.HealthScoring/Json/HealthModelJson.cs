using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerSuccess.Json;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Reads and writes health models as JSON, in the same shape as the options section (<see cref="HealthModelOptions"/>):
/// property names in camelCase, enums as names. Source-generated, so it works trimmed and AOT-compiled.
/// </summary>
public static class HealthModelJson
{
    /// <summary>Writes a model as JSON.</summary>
    /// <param name="model">The model; every curve must be a built-in one.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentException">A signal uses a custom curve; the message names it.</exception>
    public static string Serialize(HealthModel model) =>
        JsonSerializer.Serialize(HealthModelOptions.FromModel(model), HealthModelJsonContext.Default.HealthModelOptions);

    /// <summary>Writes a fitted model as JSON, with where it came from (<see cref="HealthModelOptions.Provenance"/>).</summary>
    /// <param name="fitted">The fitted model; every curve must be a built-in one.</param>
    /// <param name="curves">How the curves were chosen, in words, or <see langword="null"/>.</param>
    /// <returns>The JSON text: an ordinary model file, which <see cref="Deserialize"/> reads.</returns>
    /// <exception cref="ArgumentException">A signal uses a custom curve; the message names it.</exception>
    public static string Serialize(FittedModel fitted, string? curves = null)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        HealthModelOptions options = HealthModelOptions.FromModel(fitted.Model);
        options.Provenance = ModelProvenanceOptions.Of(fitted.Provenance);
        options.Provenance.Curves = curves;
        return JsonSerializer.Serialize(options, HealthModelJsonContext.Default.HealthModelOptions);
    }

    /// <summary>Reads a model from JSON and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">The model's name, used in every message.</param>
    /// <returns>The model.</returns>
    /// <exception cref="CustomerSuccessValidationException">
    /// The JSON is malformed, has a field the model does not know or a key twice (<see cref="CustomerSuccessValidationException.JsonPath"/>
    /// and the line and position say where), or the model is invalid (every problem is listed, naming the model and signal).
    /// </exception>
    public static HealthModel Deserialize(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        HealthModelOptions? options = JsonFaults.Read(
            json,
            () =>
            {
                DuplicateKeys.Reject(json, ignoreCase: true);
                return JsonSerializer.Deserialize(json, HealthModelJsonContext.Default.HealthModelOptions);
            },
            $"Health model '{name}': the JSON is not a model");
        return (options ?? throw CustomerSuccessValidationException.InJson($"Health model '{name}': the JSON is null.", "$", null, null, null)).ToModel(name);
    }
}

// Enums by name only: a number such as 7 is not a missing-value policy (the default string-enum converter takes integers).
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(NamedEnum<MissingSignalPolicy>), typeof(NamedEnum<CurveKind>), typeof(NamedEnum<GateComparison>), typeof(NamedEnum<GateEffect>)],
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(HealthModelOptions))]
internal sealed partial class HealthModelJsonContext : JsonSerializerContext;

/// <summary>An enum written and read by its name only, never as a number.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class NamedEnum<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;
