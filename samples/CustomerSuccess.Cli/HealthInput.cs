using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CustomerSuccess.HealthScoring;

namespace CustomerSuccess.Cli;

/// <summary>What the health commands (score, backtest, fit) read: a model file and horizons.</summary>
internal static class HealthInput
{
    /// <summary>The longest horizon a backtest looks ahead: ten years.</summary>
    public const int MaxHorizonDays = 3650;

    /// <summary>Reads a model file; the model is named after the file.</summary>
    public static HealthModel Model(string path)
    {
        string json = InputFiles.ReadText(path);
        string name = Path.GetFileNameWithoutExtension(path);
        try
        {
            return HealthModelJson.Deserialize(json, name);
        }
        catch (CustomerSuccessValidationException e) when (e.InnerException is System.Text.Json.JsonException malformed)
        {
            throw new InputException(CliText.Json(path, malformed, json, $"Health model '{name}': the JSON is not a model"));
        }
        catch (CustomerSuccessValidationException e)
        {
            throw new InputException($"{path}: {CliText.Message(e)}");
        }
    }

    /// <summary>Parses horizons such as "30d,90d,180d": whole days, each with its "d", in the order given, none twice.</summary>
    public static int[] Horizons(string text, bool single)
    {
        string[] parts = text.Split(',');
        if (single && parts.Length > 1)
        {
            throw new UsageException($"--horizon '{CliText.Quote(text)}' names {parts.Length} horizons; this command takes one, such as 90d.");
        }

        var days = new List<int>(parts.Length);
        foreach (string part in parts)
        {
            string trimmed = part.Trim();
            if (trimmed.Length < 2 || trimmed[^1] != 'd'
                || !int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                || value is < 1 or > MaxHorizonDays)
            {
                throw new UsageException($"--horizon '{CliText.Quote(trimmed)}' is not a horizon; write whole days from 1d to {MaxHorizonDays}d, such as 90d (several comma-separated: 30d,90d,180d).");
            }

            if (days.Contains(value))
            {
                throw new UsageException($"--horizon names {value}d twice.");
            }

            days.Add(value);
        }

        return [.. days];
    }
}
