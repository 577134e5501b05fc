using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>Where a fitted model came from: the data, the method and how well it predicted.</summary>
public sealed class ModelProvenance
{
    /// <summary>Initializes a new <see cref="ModelProvenance"/>.</summary>
    /// <param name="from">The earliest snapshot used.</param>
    /// <param name="to">The latest snapshot used.</param>
    /// <param name="snapshots">Labelled snapshots used.</param>
    /// <param name="churned">Of those, churned within the horizon.</param>
    /// <param name="horizonDays">The horizon the labels are for.</param>
    /// <param name="folds">The cross-validation folds (by account).</param>
    /// <param name="lambda">The L2 penalty.</param>
    /// <param name="inSampleAuc">The fitted model's AUC on the data it was fitted on.</param>
    /// <param name="crossValidatedAuc">The AUC of out-of-fold predictions: what to expect on new accounts. A gap to the in-sample AUC shows overfitting.</param>
    public ModelProvenance(LocalDate from, LocalDate to, int snapshots, int churned, int horizonDays, int folds, double lambda, double? inSampleAuc, double? crossValidatedAuc)
    {
        From = from;
        To = to;
        Snapshots = snapshots;
        Churned = churned;
        HorizonDays = horizonDays;
        Folds = folds;
        Lambda = lambda;
        InSampleAuc = inSampleAuc;
        CrossValidatedAuc = crossValidatedAuc;
    }

    /// <summary>Gets the earliest snapshot used.</summary>
    public LocalDate From { get; }

    /// <summary>Gets the latest snapshot used.</summary>
    public LocalDate To { get; }

    /// <summary>Gets the number of labelled snapshots used.</summary>
    public int Snapshots { get; }

    /// <summary>Gets how many of those churned within the horizon.</summary>
    public int Churned { get; }

    /// <summary>Gets the horizon the labels are for.</summary>
    public int HorizonDays { get; }

    /// <summary>Gets the cross-validation folds (by account).</summary>
    public int Folds { get; }

    /// <summary>Gets the L2 penalty.</summary>
    public double Lambda { get; }

    /// <summary>Gets the fitted model's AUC on the data it was fitted on.</summary>
    public double? InSampleAuc { get; }

    /// <summary>Gets the AUC of out-of-fold predictions: what to expect on new accounts. A gap to the in-sample AUC shows overfitting.</summary>
    public double? CrossValidatedAuc { get; }
}
