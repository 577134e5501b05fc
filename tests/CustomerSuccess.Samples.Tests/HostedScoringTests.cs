using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;
using HostedScoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CustomerSuccess.Samples.Tests;

public class HostedScoringTests
{
    // Each host on a store of its own (a fresh file) unless the test names one: the store outlives the host by design.
    private static IHost Build(Dictionary<string, string?>? overrides = null, IClock? clock = null, string? store = null)
    {
        string settings = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        Assert.True(File.Exists(settings), settings);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true });
        builder.Configuration.AddJsonFile(settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = store ?? NewStore() })
            .AddInMemoryCollection(overrides ?? []);
        builder.Services.AddPortfolioScoring(builder.Configuration, AppContext.BaseDirectory);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        return builder.Build();
    }

    [Fact]
    public void Worker_ScoresThePortfolioAndRaisesTheRuleSetsAlerts_AsOfTheInjectedClock()
    {
        var clock = new FakeClock(DemoFacts.AsOf);
        using IHost host = Build(clock: clock);
        ScoringWorker worker = host.Services.GetRequiredService<ScoringWorker>();

        ScoringSummary first = worker.ScoreOnce();
        clock.Advance(Duration.FromDays(1));
        ScoringSummary second = worker.ScoreOnce();

        Assert.Equal(DemoFacts.AsOf, first.AsOf);
        Assert.Equal(1_600, first.Bands.Values.Sum());
        Assert.Equal(["green", "red", "yellow"], first.Bands.Keys);
        Assert.Equal(977, first.Alerts.Count);                          // the same as the main job's demo alerts
        Assert.Equal(DemoFacts.AsOf + Duration.FromDays(1), second.AsOf);
        Assert.True(second.Alerts.Count < first.Alerts.Count, $"{second.Alerts.Count}"); // cooldowns hold across runs
        Assert.Single(host.Services.GetRequiredService<CustomerSuccess.SuccessPlans.PlanTemplates>().All);
    }

    [Fact]
    public async Task Worker_RestartedOnItsStore_KeepsTheCooldownsAndTheOverrides()
    {
        string store = NewStore();
        var clock = new FakeClock(DemoFacts.AsOf);
        var account = new AccountId("acct-00001");
        int unstored;
        using (IHost host = Build(clock: clock, store: NewStore()))
        {
            unstored = host.Services.GetRequiredService<ScoringWorker>().ScoreOnce().Alerts.Count; // a day's alerts with no history
        }

        using (IHost first = Build(clock: clock, store: store))
        {
            Assert.Equal(977, first.Services.GetRequiredService<ScoringWorker>().ScoreOnce().Alerts.Count);
            await first.Services.GetRequiredService<IOverrideStore>()
                .SetOverrideAsync(new OverrideRecord(account, 10, "exec sponsor left", "dana", DemoFacts.AsOf, DemoFacts.AsOf + Duration.FromDays(30)));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the restarted host reads the file, not a cached connection
        clock.Advance(Duration.FromDays(1));
        using IHost second = Build(clock: clock, store: store);
        ScoringSummary next = second.Services.GetRequiredService<ScoringWorker>().ScoreOnce();

        Assert.Equal(977, unstored);
        Assert.True(next.Alerts.Count < 100, $"{next.Alerts.Count} alerts the day after: the cooldowns were lost");
        Assert.DoesNotContain(next.Alerts, a => a.RuleId == "support_case_spike" && a.Account == account);
        Assert.Equal(2, (await second.Services.GetRequiredService<IAlertLog>().GetAlertsAsync(openOnly: false)).Select(a => a.RaisedAt).Distinct().Count());
        using (IHost fresh = Build(clock: clock, store: NewStore()))
        {
            // The same day on a store without the override: the overridden account (green there) is the one more red here.
            ScoringSummary without = fresh.Services.GetRequiredService<ScoringWorker>().ScoreOnce();
            Assert.Equal(without.Bands["red"] + 1, next.Bands["red"]);
            Assert.Equal(without.Bands["green"] - 1, next.Bands["green"]);
        }

        Assert.Single(await second.Services.GetRequiredService<IOverrideStore>().GetOverridesAsync());
    }

    [Fact]
    public void Setup_WithAPostgreSqlConnectionString_KeepsTheStateOnPostgreSql()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:PostgreSql:ConnectionString"] = "Host=db.example;Database=cs;Username=cs" })
            .Build();
        var services = new ServiceCollection().AddPortfolioScoring(configuration, AppContext.BaseDirectory);

        // Which store answers is decided at registration; resolving it would connect to the server.
        Assert.Contains(services, d => d.ServiceType == typeof(CustomerSuccess.Storage.PostgreSql.PostgreSqlStore));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(CustomerSuccess.Storage.Sqlite.SqliteStore));
        Assert.Single(services, d => d.ServiceType == typeof(IAlertLog));
    }

    private static string NewStore() => Path.Combine(Directory.CreateTempSubdirectory("cs-hosted-").FullName, "store.db");

    [Fact]
    public void Appsettings_WingtipModel_IsTheDemosModel()
    {
        // The hosted sample configures the model the main job, the demo files and the backtest use; they must not drift apart.
        var settings = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))!;
        var demo = System.Text.Json.Nodes.JsonNode.Parse(CustomerSuccess.HealthScoring.HealthModelJson.Serialize(DemoHealthModel.Model));

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(demo, settings["HealthScoring"]!["Models"]!["wingtip"]), settings["HealthScoring"]!["Models"]!["wingtip"]!.ToJsonString());
    }

    [Fact]
    public void Worker_WithTheConfiguredDemoStart_ScoresExactlyAsOfIt_HoweverLongStartUpTakes()
    {
        // appsettings.json pins the demo at 2026-10-31T23:59:59Z: one second of start-up must not make it November.
        using IHost host = Build();
        ScoringWorker worker = host.Services.GetRequiredService<ScoringWorker>();
        System.Threading.Thread.Sleep(1_100);

        ScoringSummary first = worker.ScoreOnce();

        Assert.Equal(Instant.FromUtc(2026, 10, 31, 23, 59, 59), first.AsOf);
        Assert.Equal(977, first.Alerts.Count);
    }

    [Theory]
    [InlineData("Scoring:IntervalHours", "0", "Scoring:IntervalHours must be 1 to 744 hours, not 0.")]
    [InlineData("Scoring:RuleSet", "", "Scoring:RuleSet is required")]
    [InlineData("BehaviorRules:csm:Rules:1:When", "change(count(login, last 30d)) <= -25%", "Rule set 'csm', rule 1 ('usage_drop'): When: Line 1, column 30")]
    [InlineData("HealthScoring:Models:wingtip:signals:0:weight", "-1", "Health model 'wingtip'")]
    [InlineData("SuccessPlans:AtRiskFrom", "2", "SuccessPlanOptions.AtRiskFrom must be a fraction from 0 to 1, not 2.")]
    public async Task BadSetting_StopsTheHostAtStart_NamingTheSetting(string key, string value, string expected)
    {
        using IHost host = Build(new Dictionary<string, string?> { [key] = value, ["Scoring:Runs"] = "1" }, new FakeClock(DemoFacts.AsOf));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanTemplate_ThatIsNotATemplate_StopsTheSetupNamingTheFile()
    {
        string file = Path.Combine(Path.GetTempPath(), $"template-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{ \"name\": \"t\", \"metrics\": [ }");
        try
        {
            var e = Assert.Throws<InvalidOperationException>(() => Build(new Dictionary<string, string?> { ["Scoring:PlanTemplates:0"] = file }));

            Assert.Contains($"Scoring:PlanTemplates: '{file}' is not a plan template", e.Message, StringComparison.Ordinal);
            Assert.IsType<CustomerSuccessValidationException>(e.InnerException);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
