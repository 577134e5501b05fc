using System;

namespace CustomerSuccess.Revenue;

/// <summary>
/// Turns monthly rates into annual ones (docs/design.md section 3): a monthly retention <c>r</c> compounds to <c>r^12</c>; a
/// monthly churn <c>c</c> compounds to <c>1 - (1 - c)^12</c>. Undefined stays undefined.
/// </summary>
public static class Annualisation
{
    /// <summary>Compounds a monthly retention rate (NRR, GRR, logo retention) over twelve months.</summary>
    /// <param name="monthlyRetention">The monthly rate, such as 1.01 for 101%.</param>
    /// <returns><c>r^12</c>, or undefined when <paramref name="monthlyRetention"/> is undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is negative.</exception>
    /// <exception cref="OverflowException">The rate is so large that its twelfth power exceeds <see cref="decimal"/> (above about 250).</exception>
    public static Ratio AnnualiseRetention(Ratio monthlyRetention)
    {
        if (!monthlyRetention.TryGetValue(out decimal r))
        {
            return Ratio.Undefined;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(r, nameof(monthlyRetention));
        return Ratio.FromValue(Power12(r));
    }

    /// <summary>Compounds a monthly churn rate (revenue or logo churn) over twelve months.</summary>
    /// <param name="monthlyChurn">The monthly rate, such as 0.02 for 2%.</param>
    /// <returns><c>1 - (1 - c)^12</c>, or undefined when <paramref name="monthlyChurn"/> is undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside 0 to 1.</exception>
    public static Ratio AnnualiseChurn(Ratio monthlyChurn)
    {
        if (!monthlyChurn.TryGetValue(out decimal c))
        {
            return Ratio.Undefined;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(c, nameof(monthlyChurn));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(c, 1m, nameof(monthlyChurn));
        return Ratio.FromValue(1m - Power12(1m - c));
    }

    private static decimal Power12(decimal value)
    {
        decimal squared = value * value;
        decimal fourth = squared * squared;
        return fourth * fourth * fourth;
    }
}
