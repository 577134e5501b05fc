using System;
using System.Globalization;
using System.Text;
using NodaTime;

namespace CustomerSuccess.Cli.Tests;

/// <summary>
/// A history generated with known truths: <c>behavior.weekly</c> separates the accounts that will churn from the start
/// (it leads), <c>usage.logins</c> falls only in the last 45 days before churn (it lags), and <c>noise.x</c> knows nothing.
/// Deterministic: the same seed gives the same files.
/// </summary>
internal static class PredictiveHistory
{
    public static readonly LocalDate Start = new(2025, 1, 1);

    public static readonly LocalDate End = new(2026, 12, 31);

    public static (string Snapshots, string Outcomes) Generate(int accounts = 400, int seed = 7)
    {
        var random = new Random(seed);
        var snapshots = new StringBuilder("account_id,as_of,behavior.weekly,usage.logins,noise.x\n");
        var outcomes = new StringBuilder("account_id,churned_on,observed_until\n");
        for (int a = 0; a < accounts; a++)
        {
            bool risky = random.NextDouble() < 0.3;
            LocalDate? churn = risky ? Start.PlusDays(random.Next(200, 700)) : null;
            outcomes.Append(CultureInfo.InvariantCulture, $"a{a},{(churn is { } c ? Iso(c) : string.Empty)},{Iso(End)}\n");
            for (LocalDate day = Start; day < End && (churn is null || day < churn); day = day.PlusDays(30))
            {
                double behavior = Gauss(random, risky ? 0.3 : 0.7, 0.15);
                int daysLeft = churn is { } c2 ? Period.Between(day, c2, PeriodUnits.Days).Days : int.MaxValue;
                double logins = Gauss(random, 20, 4) * (daysLeft < 45 ? 0.3 : 1.0);
                snapshots.Append(CultureInfo.InvariantCulture, $"a{a},{Iso(day)},{behavior:0.000},{logins:0.0},{random.NextDouble():0.000}\n");
            }
        }

        return (snapshots.ToString(), outcomes.ToString());
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    // Box-Muller: two uniforms make one normal.
    private static double Gauss(Random random, double mean, double deviation) =>
        mean + (deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
