using System;
using System.Linq;
using Xunit;

namespace CustomerSuccess.Revenue.Tests;

public class AnnualisationTests
{
    [Fact]
    public void Annualisation_CompoundsMonthlyRates()
    {
        Assert.Equal(Power(1.01m, 12), Annualisation.AnnualiseRetention(Ratio.FromValue(1.01m)).Value);
        Assert.Equal(1m - Power(0.98m, 12), Annualisation.AnnualiseChurn(Ratio.FromValue(0.02m)).Value);
        Assert.False(Annualisation.AnnualiseChurn(Ratio.Undefined).HasValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => Annualisation.AnnualiseChurn(Ratio.FromValue(1.5m)));

        static decimal Power(decimal x, int n) => Enumerable.Repeat(x, n).Aggregate(1m, (a, b) => a * b);
    }
}
