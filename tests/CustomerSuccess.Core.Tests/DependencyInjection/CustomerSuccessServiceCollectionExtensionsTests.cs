using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CustomerSuccess.Tests;

public class CustomerSuccessServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCustomerSuccessCore_Default_RegistersTheSystemClock()
    {
        using var provider = new ServiceCollection().AddCustomerSuccessCore().BuildServiceProvider();

        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddCustomerSuccessCore_ClockRegisteredEarlier_IsKept()
    {
        var fake = new FakeClock(Instant.FromUtc(2026, 7, 2, 9, 0));
        using var provider = new ServiceCollection().AddSingleton<IClock>(fake).AddCustomerSuccessCore().BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddCustomerSuccessCore_CalledTwice_RegistersEverythingOnce()
    {
        var services = new ServiceCollection().AddCustomerSuccessCore().AddCustomerSuccessCore();

        Assert.Single(services);
        Assert.Equal(typeof(IClock), services.Single().ServiceType);
    }
}
