using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CustomerSuccess.Revenue.Tests;

public class RevenueServiceCollectionExtensionsTests
{
    [Fact]
    public void Options_AreSetInCode_AndValidatedAtStart()
    {
        var services = new ServiceCollection();
        services.AddRevenue(o => { o.ReportingCurrency = Currency.EUR; o.NrrIncludesReactivation = true; });
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        MrrOptions options = provider.GetRequiredService<IOptions<MrrOptions>>().Value;

        Assert.Equal(Currency.EUR, options.ReportingCurrency);
        Assert.True(options.NrrIncludesReactivation);
    }

    [Fact]
    public void BadOption_FailsAtStart_NamingIt()
    {
        var services = new ServiceCollection();
        services.AddRevenue(o => o.ZeroMrr = (ZeroMrrPolicy)7);
        using ServiceProvider provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("MrrOptions.ZeroMrr '7' is not a known policy (Churn, Contraction).", e.Message, StringComparison.Ordinal);
    }
}
