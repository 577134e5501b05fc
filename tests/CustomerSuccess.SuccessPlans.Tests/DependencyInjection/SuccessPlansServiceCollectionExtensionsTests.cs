using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CustomerSuccess.SuccessPlans.Tests;

public class SuccessPlansServiceCollectionExtensionsTests
{
    [Fact]
    public void Options_BindFromConfiguration_AndTemplatesAreServed()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "SuccessPlans": { "OnboardingSlaDays": 42 } }"""))).Build();
        var services = new ServiceCollection();
        services.Configure<SuccessPlanOptions>(configuration.GetSection("SuccessPlans"));
        services.AddSuccessPlans().AddTemplate(PlanTemplateTests.MidMarket);
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(42, provider.GetRequiredService<IOptions<SuccessPlanOptions>>().Value.OnboardingSlaDays);
        Assert.Same(PlanTemplateTests.MidMarket, provider.GetRequiredService<PlanTemplates>().ForSegment("MidMarket"));
        Assert.Throws<KeyNotFoundException>(() => provider.GetRequiredService<PlanTemplates>().Get("enterprise"));
    }

    [Fact]
    public void BadSetting_FailsAtStart_NamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddSuccessPlans(o => o.AtRiskFrom = 1.5);
        using ServiceProvider provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("SuccessPlanOptions.AtRiskFrom must be a fraction from 0 to 1, not 1.5.", e.Message, StringComparison.Ordinal);
    }
}
