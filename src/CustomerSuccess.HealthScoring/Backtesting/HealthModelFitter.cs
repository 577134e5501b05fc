using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>Where a fitted model came from: the data, the method and how well it predicted.</summary>
/// <param name="From">The earliest snapshot used.</param>
/// <param name="To">The latest snapshot used.</param>
/// <param name="Snapshots">Labelled snapshots used.</param>
/// <param name="Churned">Of those, churned within the horizon.</param>
/// <param name="HorizonDays">The horizon the labels are for.</param>
/// <param name="Folds">The cross-validation folds (by account).</param>
/// <param name="Lambda">The L2 penalty.</param>
/// <param name="InSampleAuc">The fitted model's AUC on the data it was fitted on.</param>
/// <param name="CrossValidatedAuc">The AUC of out-of-fold predictions: what to expect on new accounts. A gap to the in-sample AUC shows overfitting.</param>
public sealed record ModelProvenance(LocalDate From, LocalDate To, int Snapshots, int Churned, int HorizonDays, int Folds, double Lambda, double? InSampleAuc, double? CrossValidatedAuc);

/// <summary>A signal the fit gave no weight, and why.</summary>
/// <param name="Signal">The signal.</param>
/// <param name="Coefficient">Its unconstrained logistic coefficient on the curve score (negative means a higher score lowers churn).</param>
/// <param name="Reason">Why it was dropped.</param>
public sealed record DroppedSignal(SignalId Signal, double Coefficient, string Reason);

/// <summary>A model fitted from outcomes, with its provenance and the signals it dropped.</summary>
/// <param name="Model">The fitted model: the original signals, curves, gates and bands, with fitted weights in one group.</param>
/// <param name="Provenance">Where it came from.</param>
/// <param name="Dropped">Signals whose effect points the wrong way (a higher curve score going with more churn): weight 0, reported, never flipped.</param>
public sealed record FittedModel(HealthModel Model, ModelProvenance Provenance, IReadOnlyList<DroppedSignal> Dropped);

/// <summary>
/// Learns a model's weights from outcomes (DESIGN section 7): L2-regularised logistic regression of "churned within the
/// horizon" on the signals' curve scores, with non-negative health weights, solved deterministically by projected gradient
/// descent in plain C#, and k-fold cross-validation by account so the reported AUC is the one to expect on new accounts.
/// </summary>
public static class HealthModelFitter
{
    private const int Iterations = 3000;
    private const double Step = 2.0;

    /// <summary>Fits the weights of a scorer's model over a history.</summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="scorer">The scorer whose signals and curves are kept; only the weights are learnt.</param>
    /// <param name="history">The snapshots and outcomes.</param>
    /// <param name="horizonDays">The horizon the labels are for.</param>
    /// <param name="folds">Cross-validation folds, 2 or more.</param>
    /// <param name="lambda">The L2 penalty on the coefficients, 0 or more.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="InvalidOperationException">The history has no churned or no retained snapshot, or no signal predicts churn in the right direction.</exception>
    public static FittedModel Fit<TAccount>(HealthScorer<TAccount> scorer, ChurnHistory<TAccount> history, int horizonDays, int folds = 5, double lambda = 0.001)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (!(lambda >= 0) || double.IsInfinity(lambda))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "The penalty must be a finite number, 0 or more.");
        }

        HealthModel model = scorer.Model;
        int k = model.Signals.Count;
        var rows = new List<(AccountId Account, LocalDate AsOf, double?[] X, bool Churned)>();
        foreach (HealthSnapshot<TAccount> snapshot in history.Snapshots.OrderBy(s => s.Account).ThenBy(s => s.AsOf))
        {
            SnapshotLabel label = history.Label(snapshot, horizonDays);
            if (label is not (SnapshotLabel.Churned or SnapshotLabel.Retained))
            {
                continue;
            }

            IReadOnlyList<SignalContribution> signals = scorer.Explain(snapshot.State, snapshot.Context).Signals;
            rows.Add((snapshot.Account, snapshot.AsOf, signals.Select(s => s.Raw.IsPresent ? s.CurveScore / 100 : null).ToArray(), label == SnapshotLabel.Churned));
        }

        int churned = rows.Count(r => r.Churned);
        if (churned == 0 || churned == rows.Count)
        {
            throw new InvalidOperationException($"Health model '{model.Name}': the history has {churned} churned of {rows.Count} labelled snapshots for {horizonDays} days; fitting needs both outcomes.");
        }

        // A missing curve score is imputed with the signal's mean: it then moves neither way.
        double[] means = Enumerable.Range(0, k).Select(j => rows.Where(r => r.X[j] is not null).Select(r => r.X[j]!.Value).DefaultIfEmpty(0.5).Average()).ToArray();
        double[][] x = rows.Select(r => r.X.Select((v, j) => v ?? means[j]).ToArray()).ToArray();
        bool[] y = rows.Select(r => r.Churned).ToArray();

        double[] free = Solve(x, y, lambda, constrained: false);
        double[] beta = Solve(x, y, lambda, constrained: true);
        var dropped = new List<DroppedSignal>();
        for (int j = 0; j < k; j++)
        {
            if (beta[j + 1] >= 0)
            {
                dropped.Add(new DroppedSignal(model.Signals[j].Id, free[j + 1],
                    free[j + 1] > 0 ? "a higher curve score goes with more churn: the effect points the wrong way" : "no effect on churn"));
            }
        }

        double[] weights = Enumerable.Range(0, k).Select(j => Math.Max(0, -beta[j + 1])).ToArray();
        if (weights.All(w => w == 0))
        {
            throw new InvalidOperationException($"Health model '{model.Name}': no signal predicts churn in the right direction over this history; nothing to weigh.");
        }

        // Out-of-fold predictions, folds by account so that an account's snapshots never sit on both sides.
        AccountId[] accounts = rows.Select(r => r.Account).Distinct().Order().ToArray();
        var foldOf = accounts.Select((a, i) => (a, i % folds)).ToDictionary(p => p.a, p => p.Item2);
        var outOfFold = new double[rows.Count];
        for (int f = 0; f < folds; f++)
        {
            int[] train = Enumerable.Range(0, rows.Count).Where(i => foldOf[rows[i].Account] != f).ToArray();
            int[] test = Enumerable.Range(0, rows.Count).Where(i => foldOf[rows[i].Account] == f).ToArray();
            if (test.Length == 0 || train.Select(i => y[i]).Distinct().Count() < 2)
            {
                continue;
            }

            double[] b = Solve(train.Select(i => x[i]).ToArray(), train.Select(i => y[i]).ToArray(), lambda, constrained: true);
            foreach (int i in test)
            {
                outOfFold[i] = -Linear(b, x[i]); // higher = healthier, like a score
            }
        }

        double? inSample = Auc.Of(Enumerable.Range(0, rows.Count).Select(i => (-Linear(beta, x[i]), y[i])));
        double? crossValidated = Auc.Of(Enumerable.Range(0, rows.Count).Select(i => (outOfFold[i], y[i])));

        // The fitted weights, scaled to average 1 over the kept signals, in one group: the score is their weighted mean.
        double scale = weights.Count(w => w > 0) / weights.Sum();
        HealthModel.Builder fitted = HealthModel.CreateBuilder(model.Name + "-fitted").WithBands(model.Bands);
        for (int j = 0; j < k; j++)
        {
            HealthSignalDefinition s = model.Signals[j];
            fitted.AddSignal(new HealthSignalDefinition(s.Id, s.Curve, Math.Round(weights[j] * scale, 6), "fitted", s.Missing, s.SubstituteScore));
        }

        foreach (HealthGate gate in model.Gates)
        {
            fitted.AddGate(gate);
        }

        var provenance = new ModelProvenance(rows.Min(r => r.AsOf), rows.Max(r => r.AsOf), rows.Count, churned, horizonDays, folds, lambda, inSample, crossValidated);
        return new FittedModel(fitted.Build(), provenance, dropped);
    }

    private static double Linear(double[] beta, double[] x)
    {
        double z = beta[0];
        for (int j = 0; j < x.Length; j++)
        {
            z += beta[j + 1] * x[j];
        }

        return z;
    }

    /// <summary>
    /// Minimises the mean log loss plus lambda/2 |beta|^2 (not the intercept) by gradient descent from zero, a fixed number of
    /// steps: deterministic. Constrained, each signal's coefficient is kept at or below 0 (a higher score never raises churn).
    /// </summary>
    private static double[] Solve(double[][] x, bool[] y, double lambda, bool constrained)
    {
        int n = x.Length;
        int k = x[0].Length;
        var beta = new double[k + 1];
        var gradient = new double[k + 1];
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            Array.Clear(gradient);
            for (int i = 0; i < n; i++)
            {
                double p = 1 / (1 + Math.Exp(-Linear(beta, x[i])));
                double error = p - (y[i] ? 1 : 0);
                gradient[0] += error;
                for (int j = 0; j < k; j++)
                {
                    gradient[j + 1] += error * x[i][j];
                }
            }

            beta[0] -= Step * gradient[0] / n;
            for (int j = 1; j <= k; j++)
            {
                beta[j] -= Step * ((gradient[j] / n) + (lambda * beta[j]));
                if (constrained && beta[j] > 0)
                {
                    beta[j] = 0;
                }
            }
        }

        return beta;
    }
}
