using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CustomerSuccess.Behaviors.Tests;

public class BehaviorsServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(string json)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        foreach (IConfigurationSection set in configuration.GetSection("BehaviorRules").GetChildren())
        {
            services.Configure<BehaviorRuleSetOptions>(set.Key, set);
            services.AddBehaviorRules(set.Key, static _ => { });
        }

        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddBehaviorRules_RuleSetsInConfiguration_AreBound()
    {
        using ServiceProvider provider = Build("""
            { "BehaviorRules": { "csm": { "Rules": [
                { "Id": "support_case_spike", "Kind": "risk", "Severity": "danger", "Cooldown": "7d", "When": "count(support_case_opened, last 7d) >= 5" },
                { "Id": "power_user_reward", "Kind": "trigger", "Severity": "info", "Cooldown": "forever", "PerUser": true,
                  "When": "count(login, ever) >= 50 and count(page_view, ever) >= 500" } ] } } }
            """);
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

        RuleSet rules = provider.GetRequiredService<BehaviorRuleSets>().Get("csm");

        Assert.Equal(["support_case_spike", "power_user_reward"], rules.Select(r => r.Id));
        Assert.True(rules[1].PerUser);
        Assert.Equal(BehaviorRule.Forever, rules[1].Cooldown);
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => provider.GetRequiredService<BehaviorRuleSets>().Get("other"));
    }

    [Theory]
    [InlineData("""{ "Id": "a", "Kind": "risky", "Severity": "danger", "When": "performed(x, ever)" }""", "Rule set 'csm', rule 1 ('a'): Kind 'risky' is not risk, opportunity or trigger.")]
    [InlineData("""{ "Id": "a", "Kind": "risk", "Severity": "danger", "When": "count(x, ever) >" }""", "Rule set 'csm', rule 1 ('a'): When: Line 1, column 17: Expected a number")]
    [InlineData("""{ "Id": "ok", "Kind": "risk", "Severity": "danger", "When": "performed(x, ever)" }""", "Rule set 'csm', rule 1 ('ok'): the id is also used by rule 0")]
    [InlineData("""{ "Id": "a", "Kind": "risk", "Severity": "danger", "Cooldown": "7 days", "When": "performed(x, ever)" }""", "Rule set 'csm', rule 1 ('a'): Cooldown: '7 days' is not a duration")]
    public void BadRule_FailsAtStart_NamingTheRuleSetRuleAndFault(string badRule, string expected)
    {
        using ServiceProvider provider = Build($$"""
            { "BehaviorRules": { "csm": { "Rules": [
                { "Id": "ok", "Kind": "risk", "Severity": "danger", "When": "performed(x, ever)" }, {{badRule}} ] } } }
            """);

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadRules_FailAtStart_ListingEveryOne()
    {
        using ServiceProvider provider = Build("""
            { "BehaviorRules": { "csm": { "Rules": [
                { "Id": "a", "Kind": "risky", "Severity": "danger", "When": "performed(x, ever)" },
                { "Id": "b", "Kind": "risk", "Severity": "loud", "When": "performed(x, ever)" },
                { "Id": "c", "Kind": "risk", "Severity": "danger", "When": "performed(x, ever)" } ] } } }
            """);

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["Rule set 'csm', rule 0 ('a'): Kind 'risky' is not risk, opportunity or trigger.", "Rule set 'csm', rule 1 ('b'): Severity 'loud' is not info, warning or danger."], e.Failures);
    }

    [Fact]
    public void AddBehaviorRules_DefaultAndNamed_AreSeparateSets_AndRegisteringANameAgainAddsToIt()
    {
        var services = new ServiceCollection();
        services.AddBehaviorRules(o => o.Rules.Add(new BehaviorRuleOptions { Id = "quiet", Kind = "risk", Severity = "warning", When = "not performed(login, last 14d)" }));
        services.AddBehaviorRules("csm", o => o.Rules.Add(new BehaviorRuleOptions { Id = "spike", Kind = "risk", Severity = "danger", When = "count(support_case_opened, last 7d) >= 5" }));
        services.AddBehaviorRules("csm", o => o.Rules.Add(new BehaviorRuleOptions { Id = "reward", Kind = "trigger", Severity = "info", When = "count(login, ever) >= 50" }));
        services.AddBehaviorRules(null, static _ => { });
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var sets = provider.GetRequiredService<BehaviorRuleSets>();
        Assert.Equal([Options.DefaultName, "csm"], sets.Names.Order(StringComparer.Ordinal));
        Assert.Equal(["quiet"], sets.Get(Options.DefaultName).Select(r => r.Id));
        Assert.Equal(["spike", "reward"], sets.Get("csm").Select(r => r.Id));
        Assert.Single(services, d => d.ServiceType == typeof(BehaviorRuleSets));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<BehaviorRuleSetOptions>));
    }
}
