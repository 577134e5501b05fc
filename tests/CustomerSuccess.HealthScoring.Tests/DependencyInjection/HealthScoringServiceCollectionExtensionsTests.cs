using System;
using System.IO;
using System.Linq;
using System.Text;
using CustomerSuccess.Signals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

public class HealthScoringServiceCollectionExtensionsTests
{
    private const string Settings = """
        {
          "HealthScoring": {
            "DefaultModel": "tech-touch",
            "Rules": [ { "Model": "high-touch", "When": { "segment": "Enterprise" } } ],
            "Models": {
              "high-touch": {
                "signals": [
                  { "id": "nps.latest", "group": "relationship", "weight": 2, "curve": { "kind": "Linear", "zeroAt": 0, "fullAt": 10 } },
                  { "id": "usage.logins", "group": "adoption", "curve": { "kind": "Linear", "zeroAt": 0, "fullAt": 50 } }
                ]
              },
              "tech-touch": {
                "signals": [ { "id": "usage.logins", "curve": { "kind": "Linear", "zeroAt": 0, "fullAt": 20 } } ]
              }
            }
          }
        }
        """;

    private sealed record Account(string Segment, double Nps, double Logins);

    private static readonly SignalContext AsOf = new(Instant.FromUtc(2026, 9, 8, 0, 0), DateTimeZone.Utc);

    private static ServiceProvider Build(string json, Action<HealthScoringBuilder<Account>>? more = null)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.Configure<HealthScoringOptions<Account>>(configuration.GetSection("HealthScoring"));
        HealthScoringBuilder<Account> scoring = services.AddHealthScoring<Account>()
            .AddSignal(Signal.Create<Account>(new SignalId("nps.latest"), SignalTiming.Lagging, static (a, _) => SignalValue.Of(a.Nps)))
            .AddSignal(Signal.Create<Account>(new SignalId("usage.logins"), SignalTiming.Leading, static (a, _) => SignalValue.Of(a.Logins)));

        more?.Invoke(scoring);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void NamedModelsFromConfiguration_AndTheRulePicksOnePerAccount()
    {
        using ServiceProvider provider = Build(Settings);
        provider.GetRequiredService<IStartupValidator>().Validate();
        var scorers = provider.GetRequiredService<HealthScorers<Account>>();

        Assert.Equal(["high-touch", "tech-touch"], scorers.Names.Order());
        var enterprise = new Account("Enterprise", 8, 25);
        HealthScorer<Account> picked = scorers.For(attribute => attribute == "segment" ? enterprise.Segment : null);
        Assert.Equal("high-touch", picked.Model.Name);
        // Two groups of weight 1: relationship (NPS 8 scores 80) and adoption (25 logins of 50 score 50).
        Assert.Equal((80.0 + 50) / 2, picked.Score(enterprise, AsOf).Value, 9);

        var smb = new Account("SMB", 8, 10);
        Assert.Equal("tech-touch", scorers.For(attribute => attribute == "segment" ? smb.Segment : null).Model.Name);
        Assert.Same(scorers.Get("tech-touch"), scorers.Get("tech-touch"));
    }

    [Fact]
    public void BadSetting_FailsAtStartNamingTheModelAndSignal()
    {
        using ServiceProvider provider = Build(Settings.Replace("\"weight\": 2", "\"weight\": -2", StringComparison.Ordinal));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Health model 'high-touch', signal 'nps.latest': weight -2 must be zero or more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignalWithoutPlugin_FailsAtStartNamingIt()
    {
        using ServiceProvider provider = Build(Settings.Replace("usage.logins\", \"curve\": { \"kind\": \"Linear\", \"zeroAt\": 0, \"fullAt\": 20", "sponsor.engaged\", \"curve\": { \"kind\": \"Boolean\"", StringComparison.Ordinal));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Health model 'tech-touch', signal 'sponsor.engaged': no registered signal provides it", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"DefaultModel\": \"tech-touch\"", "\"DefaultModel\": \"\"", "HealthScoringOptions.DefaultModel is required")]
    [InlineData("\"DefaultModel\": \"tech-touch\"", "\"DefaultModel\": \"low-touch\"", "HealthScoringOptions.DefaultModel 'low-touch' is not one of the models ('high-touch', 'tech-touch')")]
    [InlineData("\"Model\": \"high-touch\"", "\"Model\": \"ghost\"", "HealthScoringOptions.Rules[0] names model 'ghost', which is not one of the models")]
    public void Selection_MustNameRegisteredModels(string from, string to, string message)
    {
        using ServiceProvider provider = Build(Settings.Replace(from, to, StringComparison.Ordinal));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownModel_SaysWhichAreRegistered()
    {
        using ServiceProvider provider = Build(Settings);
        var error = Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => provider.GetRequiredService<HealthScorers<Account>>().Get("mid-touch"));
        Assert.Contains("'high-touch'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHealthScoring_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();
        services.AddHealthScoring<Account>().AddModel("a", o => o.Signals.Add(new HealthSignalOptions { Id = "usage.logins", Curve = new CurveOptions { FullAt = 1 } }));
        services.AddHealthScoring<Account>(o => o.DefaultModel = "a").AddModel("b", o => o.Signals.Add(new HealthSignalOptions { Id = "usage.logins", Curve = new CurveOptions { FullAt = 2 } }));

        Assert.Single(services, d => d.ServiceType == typeof(HealthScorers<Account>));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<HealthScoringOptions<Account>>));
    }

    private sealed record Partner(double Tickets);

    [Fact]
    public void TwoAccountTypes_HaveTheirOwnModelsDefaultsAndValidation()
    {
        var services = new ServiceCollection();
        services.AddHealthScoring<Account>(o => o.DefaultModel = "customers")
            .AddSignal(Signal.Create<Account>(new SignalId("usage.logins"), SignalTiming.Leading, static (a, _) => SignalValue.Of(a.Logins)))
            .AddModel("customers", o => o.Signals.Add(new HealthSignalOptions { Id = "usage.logins", Curve = new CurveOptions { FullAt = 20 } }));
        // The same model name for another account type, with a signal only that type has: each type validates its own.
        services.AddHealthScoring<Partner>(o => o.DefaultModel = "partners")
            .AddSignal(Signal.Create<Partner>(new SignalId("support.tickets"), SignalTiming.Lagging, static (p, _) => SignalValue.Of(p.Tickets)))
            .AddModel("partners", o => o.Signals.Add(new HealthSignalOptions { Id = "support.tickets", Curve = new CurveOptions { ZeroAt = 10, FullAt = 0 } }))
            .AddModel("customers", o => o.Signals.Add(new HealthSignalOptions { Id = "support.tickets", Curve = new CurveOptions { ZeroAt = 20, FullAt = 0 } }));
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var customers = provider.GetRequiredService<HealthScorers<Account>>();
        var partners = provider.GetRequiredService<HealthScorers<Partner>>();
        Assert.Equal(["customers"], customers.Names);
        Assert.Equal(["customers", "partners"], partners.Names);
        Assert.Equal(50, customers.For(_ => null).Score(new Account("SMB", 0, 10), AsOf).Value, 9);
        Assert.Equal("partners", partners.For(_ => null).Model.Name);
        Assert.Equal(75, partners.Get("customers").Score(new Partner(5), AsOf).Value, 9);
    }

    [Fact]
    public void BadSettingsInSeveralModels_FailAtStart_ListingEveryProblem()
    {
        using ServiceProvider provider = Build(Settings
            .Replace("\"weight\": 2", "\"weight\": -2", StringComparison.Ordinal)
            .Replace("\"fullAt\": 20", "\"fullAt\": 0", StringComparison.Ordinal)
            .Replace("\"Model\": \"high-touch\"", "\"Model\": \"ghost\"", StringComparison.Ordinal));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("Health model 'high-touch', signal 'nps.latest': weight -2", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Health model 'tech-touch', signal 'usage.logins', curve:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("HealthScoringOptions.Rules[0] names model 'ghost'", StringComparison.Ordinal));
    }
}
