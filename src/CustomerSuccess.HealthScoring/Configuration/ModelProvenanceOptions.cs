using System;
using System.Globalization;
using System.Text.Json.Serialization;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Where a fitted model came from, as a model file carries it: the history it was fitted on and how well it did. Read and
/// written with the model (<see cref="HealthModelOptions.Provenance"/>); scoring never reads it.
/// </summary>
public sealed class ModelProvenanceOptions
{
    /// <summary>Gets or sets the earliest snapshot used, as yyyy-MM-dd.</summary>
    /// <value>Empty.</value>
    public string From { get; set; } = string.Empty;

    /// <summary>Gets or sets the latest snapshot used, as yyyy-MM-dd.</summary>
    /// <value>Empty.</value>
    public string To { get; set; } = string.Empty;

    /// <summary>Gets or sets the number of labelled snapshots used.</summary>
    /// <value>0.</value>
    public int Snapshots { get; set; }

    /// <summary>Gets or sets how many of them churned within the horizon.</summary>
    /// <value>0.</value>
    public int Churned { get; set; }

    /// <summary>Gets or sets the horizon the labels were for, in days.</summary>
    /// <value>0.</value>
    public int HorizonDays { get; set; }

    /// <summary>Gets or sets the cross-validation folds.</summary>
    /// <value>0.</value>
    public int Folds { get; set; }

    /// <summary>Gets or sets the L2 penalty.</summary>
    /// <value>0.</value>
    public double Lambda { get; set; }

    /// <summary>Gets or sets the AUC on the data the model was fitted on, or <see langword="null"/> when undefined.</summary>
    /// <value><see langword="null"/>.</value>
    public double? InSampleAuc { get; set; }

    /// <summary>Gets or sets the AUC of out-of-fold predictions, what to expect on new accounts, or <see langword="null"/>.</summary>
    /// <value><see langword="null"/>.</value>
    public double? CrossValidatedAuc { get; set; }

    /// <summary>Gets or sets how the curves were chosen, in words (such as "linear between the 5th and 95th percentiles").</summary>
    /// <value><see langword="null"/>.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Curves { get; set; }

    /// <summary>Describes a fit's provenance as options.</summary>
    /// <param name="provenance">The provenance.</param>
    /// <returns>The options.</returns>
    public static ModelProvenanceOptions Of(ModelProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        return new ModelProvenanceOptions
        {
            From = provenance.From.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            To = provenance.To.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            Snapshots = provenance.Snapshots,
            Churned = provenance.Churned,
            HorizonDays = provenance.HorizonDays,
            Folds = provenance.Folds,
            Lambda = provenance.Lambda,
            InSampleAuc = provenance.InSampleAuc,
            CrossValidatedAuc = provenance.CrossValidatedAuc,
        };
    }
}
