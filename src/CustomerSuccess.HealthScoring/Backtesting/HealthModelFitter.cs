using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Learns a model's weights from outcomes (docs/design.md section 7): L2-regularised logistic regression of "churned within the
/// horizon" on the signals' curve scores, with non-negative health weights, solved deterministically by projected gradient
/// descent in plain C#, and k-fold cross-validation by account so the reported AUC is the one to expect on new accounts.
/// </summary>
public static class HealthModelFitter
{
    private const int MaxNewtonSteps = 100;

    /// <summary>Fits the weights of a scorer's model over a history.</summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="scorer">The scorer whose signals and curves are kept; only the weights are learnt.</param>
    /// <param name="history">The snapshots and outcomes.</param>
    /// <param name="horizonDays">The horizon the labels are for.</param>
    /// <param name="folds">Cross-validation folds, 2 or more.</param>
    /// <param name="lambda">The L2 penalty on the coefficients, 0 or more.</param>
    /// <param name="fitCurveBounds">
    /// Whether to learn the bounds of linear curves too: for each linear-curve signal, the pair of raw-value quantiles (low end
    /// 0, 5, 10 or 25%, high end 75, 90, 95 or 100%, in the curve's own direction) whose clamped score best predicts churn on
    /// its own (the highest log-likelihood of a one-signal logistic fit with a protective effect); then the weights.
    /// </param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="InvalidOperationException">The history has no churned or no retained snapshot, or no signal predicts churn in the right direction.</exception>
    public static FittedModel Fit<TAccount>(HealthScorer<TAccount> scorer, ChurnHistory<TAccount> history, int horizonDays, int folds = 5, double lambda = 0.001, bool fitCurveBounds = false)
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
        var raws = new List<double?[]>();
        foreach (HealthSnapshot<TAccount> snapshot in history.Snapshots.OrderBy(s => s.Account).ThenBy(s => s.AsOf))
        {
            SnapshotLabel label = history.Label(snapshot, horizonDays);
            if (label is not (SnapshotLabel.Churned or SnapshotLabel.Retained))
            {
                continue;
            }

            IReadOnlyList<SignalContribution> signals = scorer.Explain(snapshot.State, snapshot.Context).Signals;
            rows.Add((snapshot.Account, snapshot.AsOf, signals.Select(s => s.Raw.IsPresent ? s.CurveScore / 100 : null).ToArray(), label == SnapshotLabel.Churned));
            raws.Add(signals.Select(s => s.Raw.TryGetValue(out double raw) ? raw : (double?)null).ToArray());
        }

        int churned = rows.Count(r => r.Churned);
        if (churned == 0 || churned == rows.Count)
        {
            throw new InvalidOperationException($"Health model '{model.Name}': the history has {churned} churned of {rows.Count} labelled snapshots for {horizonDays} days; fitting needs both outcomes.");
        }

        IScoreCurve[] curves = model.Signals.Select(s => s.Curve).ToArray();
        if (fitCurveBounds)
        {
            bool[] outcome = rows.Select(r => r.Churned).ToArray();
            for (int j = 0; j < k; j++)
            {
                if (curves[j] is Curve.LinearCurve linear && SearchBounds(linear, raws.Select(r => r[j]).ToArray(), outcome) is { } better)
                {
                    curves[j] = better;
                    for (int i = 0; i < rows.Count; i++)
                    {
                        rows[i].X[j] = raws[i][j] is { } raw ? better.Score(raw) / 100 : null;
                    }
                }
            }
        }

        // A missing curve score is imputed with the signal's mean: it then moves neither way.
        double[] means = Enumerable.Range(0, k).Select(j => rows.Where(r => r.X[j] is not null).Select(r => r.X[j]!.Value).DefaultIfEmpty(0.5).Average()).ToArray();
        double[][] x = rows.Select(r => r.X.Select((v, j) => v ?? means[j]).ToArray()).ToArray();
        bool[] y = rows.Select(r => r.Churned).ToArray();

        // The rows once, as one block the solves below stream through (each solve reads the rows it is given by index).
        Design design = Design.Of(x);
        int[] all = [.. Enumerable.Range(0, rows.Count)];
        double[] free = Solve(design, y, all, lambda, constrained: false);
        double[] beta = Solve(design, y, all, lambda, constrained: true);
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

            double[] b = Solve(design, y, train, lambda, constrained: true);
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
            fitted.AddSignal(new HealthSignalDefinition(s.Id, curves[j], Math.Round(weights[j] * scale, 6), "fitted", s.Missing, s.SubstituteScore));
        }

        foreach (HealthGate gate in model.Gates)
        {
            fitted.AddGate(gate);
        }

        var provenance = new ModelProvenance(rows.Min(r => r.AsOf), rows.Max(r => r.AsOf), rows.Count, churned, horizonDays, folds, lambda, inSample, crossValidated);
        return new FittedModel(fitted.Build(), provenance, dropped);
    }

    private static readonly double[] LowQuantiles = [0, 0.05, 0.1, 0.25];
    private static readonly double[] HighQuantiles = [0.75, 0.9, 0.95, 1];

    /// <summary>The best bounds among quantile pairs of the raw values, or <see langword="null"/> when none predicts protectively.</summary>
    private static IScoreCurve? SearchBounds(Curve.LinearCurve curve, double?[] raw, bool[] churned)
    {
        double[] present = raw.OfType<double>().Order().ToArray();
        if (present.Length < 2)
        {
            return null;
        }

        bool rising = curve.FullAt > curve.ZeroAt;
        IScoreCurve? best = null;
        double bestLikelihood = double.NegativeInfinity;
        foreach (double low in LowQuantiles)
        {
            foreach (double high in HighQuantiles)
            {
                double a = Quantile(present, low), b = Quantile(present, high);
                if (a >= b)
                {
                    continue;
                }

                IScoreCurve candidate = rising ? Curve.Linear(a, b) : Curve.Linear(b, a);
                double[] s = raw.Select(r => r is { } v ? candidate.Score(v) / 100 : double.NaN).ToArray();
                (double slope, double likelihood) = OneSignalFit(s, churned);
                if (slope < 0 && likelihood > bestLikelihood)
                {
                    (best, bestLikelihood) = (candidate, likelihood);
                }
            }
        }

        return best;
    }

    private static double Quantile(double[] sorted, double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];

    /// <summary>Newton's method for logit P(churn) = a + b s over the rows with a score; returns b and the log-likelihood.</summary>
    private static (double Slope, double LogLikelihood) OneSignalFit(double[] s, bool[] churned)
    {
        double a = 0, b = 0;
        for (int iteration = 0; iteration < 25; iteration++)
        {
            double g0 = 0, g1 = 0, h00 = 1e-9, h01 = 0, h11 = 1e-9;
            for (int i = 0; i < s.Length; i++)
            {
                if (double.IsNaN(s[i]))
                {
                    continue;
                }

                double p = 1 / (1 + Math.Exp(-(a + (b * s[i]))));
                double e = p - (churned[i] ? 1 : 0);
                double w = p * (1 - p);
                (g0, g1) = (g0 + e, g1 + (e * s[i]));
                (h00, h01, h11) = (h00 + w, h01 + (w * s[i]), h11 + (w * s[i] * s[i]));
            }

            double det = (h00 * h11) - (h01 * h01);
            if (det <= 1e-12)
            {
                break;
            }

            a -= ((h11 * g0) - (h01 * g1)) / det;
            b -= ((h00 * g1) - (h01 * g0)) / det;
        }

        double likelihood = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (!double.IsNaN(s[i]))
            {
                double p = Math.Clamp(1 / (1 + Math.Exp(-(a + (b * s[i])))), 1e-12, 1 - 1e-12);
                likelihood += churned[i] ? Math.Log(p) : Math.Log(1 - p);
            }
        }

        return (b, likelihood);
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
    /// Minimises the mean log loss plus lambda/2 |beta|^2 (not the intercept) by Newton's method from zero: deterministic, and
    /// a few dozen passes over the rows where gradient descent took thousands. Constrained, each signal's coefficient is kept
    /// at or below 0 (a higher score never raises churn): a coefficient at 0 whose gradient pushes it up is held there
    /// (the active set), the step is taken in the others and projected back, halved until the objective falls.
    /// </summary>
    private static double[] Solve(Design design, bool[] y, int[] use, double lambda, bool constrained)
    {
        double[] rows = design.Rows;
        int m = design.Width;

        var beta = new double[m];
        var gradient = new double[m];
        var hessian = new double[m * m];
        var step = new double[m];
        var candidate = new double[m];
        double objective = Objective(rows, y, use, beta, lambda, m);
        for (int iteration = 0; iteration < MaxNewtonSteps; iteration++)
        {
            Derivatives(rows, y, use, beta, lambda, m, gradient, hessian);
            bool[] held = new bool[m];
            for (int j = 1; j < m && constrained; j++)
            {
                held[j] = beta[j] >= 0 && gradient[j] < 0;
            }

            if (!NewtonStep(hessian, gradient, held, m, step))
            {
                break;
            }

            double scale = 1;
            double next = objective;
            for (int halving = 0; halving < 40; halving++, scale /= 2)
            {
                for (int j = 0; j < m; j++)
                {
                    candidate[j] = beta[j] + (scale * step[j]);
                    if (constrained && j > 0 && candidate[j] > 0)
                    {
                        candidate[j] = 0;
                    }
                }

                next = Objective(rows, y, use, candidate, lambda, m);
                if (next < objective)
                {
                    break;
                }
            }

            if (!(next < objective))
            {
                break; // no step lowers the objective: at the optimum to the precision of doubles
            }

            double moved = 0;
            for (int j = 0; j < m; j++)
            {
                moved = Math.Max(moved, Math.Abs(candidate[j] - beta[j]));
            }

            (beta, candidate) = (candidate, beta);
            objective = next;
            if (moved < 1e-10)
            {
                break;
            }
        }

        return beta;
    }

    private static double Objective(double[] rows, bool[] y, int[] use, double[] beta, double lambda, int m)
    {
        int n = use.Length;
        double loss = 0;
        foreach (int i in use)
        {
            double z = Dot(rows, i * m, beta, m);
            // log(1 + e^z) - y z, computed without overflow for large |z|.
            loss += (z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - (y[i] ? z : 0);
        }

        double penalty = 0;
        for (int j = 1; j < m; j++)
        {
            penalty += beta[j] * beta[j];
        }

        return (loss / n) + (lambda / 2 * penalty);
    }

    private static void Derivatives(double[] rows, bool[] y, int[] use, double[] beta, double lambda, int m, double[] gradient, double[] hessian)
    {
        int n = use.Length;
        Array.Clear(gradient);
        Array.Clear(hessian);
        foreach (int i in use)
        {
            int row = i * m;
            double p = 1 / (1 + Math.Exp(-Dot(rows, row, beta, m)));
            double error = p - (y[i] ? 1 : 0);
            double weight = p * (1 - p);
            for (int a = 0; a < m; a++)
            {
                double xa = rows[row + a];
                gradient[a] += error * xa;
                double wa = weight * xa;
                for (int b = 0; b <= a; b++)
                {
                    hessian[(a * m) + b] += wa * rows[row + b];
                }
            }
        }

        for (int a = 0; a < m; a++)
        {
            gradient[a] /= n;
            for (int b = 0; b <= a; b++)
            {
                hessian[(a * m) + b] /= n;
                hessian[(b * m) + a] = hessian[(a * m) + b];
            }

            if (a > 0)
            {
                gradient[a] += lambda * beta[a];
                hessian[(a * m) + a] += lambda;
            }
        }
    }

    /// <summary>Solves H d = -g over the coefficients not held (Cholesky); held ones do not move. False when H is singular there.</summary>
    private static bool NewtonStep(double[] hessian, double[] gradient, bool[] held, int m, double[] step)
    {
        int[] free = [.. Enumerable.Range(0, m).Where(j => !held[j])];
        int f = free.Length;
        var l = new double[f * f];
        for (int a = 0; a < f; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double sum = hessian[(free[a] * m) + free[b]];
                for (int c = 0; c < b; c++)
                {
                    sum -= l[(a * f) + c] * l[(b * f) + c];
                }

                if (a == b)
                {
                    if (!(sum > 1e-14))
                    {
                        return false;
                    }

                    l[(a * f) + a] = Math.Sqrt(sum);
                }
                else
                {
                    l[(a * f) + b] = sum / l[(b * f) + b];
                }
            }
        }

        var solution = new double[f];
        for (int a = 0; a < f; a++)
        {
            double sum = -gradient[free[a]];
            for (int c = 0; c < a; c++)
            {
                sum -= l[(a * f) + c] * solution[c];
            }

            solution[a] = sum / l[(a * f) + a];
        }

        for (int a = f - 1; a >= 0; a--)
        {
            double sum = solution[a];
            for (int c = a + 1; c < f; c++)
            {
                sum -= l[(c * f) + a] * solution[c];
            }

            solution[a] = sum / l[(a * f) + a];
        }

        Array.Clear(step);
        for (int a = 0; a < f; a++)
        {
            step[free[a]] = solution[a];
        }

        return true;
    }

    private static double Dot(double[] rows, int start, double[] beta, int m)
    {
        double z = 0;
        for (int j = 0; j < m; j++)
        {
            z += beta[j] * rows[start + j];
        }

        return z;
    }

    /// <summary>The rows as one contiguous block, each with the intercept's 1 in front of its k curve scores.</summary>
    private sealed class Design(double[] rows, int width)
    {
        public double[] Rows { get; } = rows;

        public int Width { get; } = width;

        public static Design Of(double[][] x)
        {
            int m = x[0].Length + 1;
            double[] rows = new double[x.Length * m];
            for (int i = 0; i < x.Length; i++)
            {
                rows[i * m] = 1;
                x[i].CopyTo(rows, (i * m) + 1);
            }

            return new Design(rows, m);
        }
    }
}
