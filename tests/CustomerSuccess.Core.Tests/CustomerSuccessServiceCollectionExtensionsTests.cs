using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CustomerSuccess.Tests;

public class CustomerSuccessServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCustomerSuccessCore_RegistersTheSystemClockAndDefaults()
    {
        using var provider = new ServiceCollection().AddCustomerSuccessCore().BuildServiceProvider();

        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        var options = provider.GetRequiredService<IOptions<CustomerSuccessOptions>>().Value;
        Assert.Equal(Currency.USD, options.GetReportingCurrency());
        Assert.Equal(DateTimeZone.Utc, options.GetTimeZone());
    }

    [Fact]
    public void AddCustomerSuccessCore_KeepsAClockRegisteredEarlier()
    {
        var fake = new FakeClock(Instant.FromUtc(2026, 7, 2, 9, 0));
        using var provider = new ServiceCollection().AddSingleton<IClock>(fake).AddCustomerSuccessCore().BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddCustomerSuccessCore_CalledTwice_RegistersOneValidator()
    {
        var services = new ServiceCollection().AddCustomerSuccessCore().AddCustomerSuccessCore();

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<CustomerSuccessOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
    }

    [Fact]
    public void Validation_BadSettings_NamesEverySettingAtFault()
    {
        using var provider = new ServiceCollection()
            .AddCustomerSuccessCore(o =>
            {
                o.ReportingCurrency = "DOLLARS";
                o.TimeZone = "Mars/Olympus_Mons";
            })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CustomerSuccessOptions>>().Value);

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains("CustomerSuccessOptions.ReportingCurrency 'DOLLARS'", error.Message, StringComparison.Ordinal);
        Assert.Contains("CustomerSuccessOptions.TimeZone 'Mars/Olympus_Mons'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetTimeZone_UnknownId_ThrowsNamingTheSetting()
    {
        var options = new CustomerSuccessOptions { TimeZone = "Nowhere" };
        var error = Assert.Throws<InvalidOperationException>(options.GetTimeZone);
        Assert.Contains("CustomerSuccessOptions.TimeZone 'Nowhere'", error.Message, StringComparison.Ordinal);
    }
}
