using System;
using System.IO;
using System.Linq;
using CustomerSuccess;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.SuccessPlans;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using AccountFacts = CustomerSuccess.Demo.AccountFacts;

namespace HostedScoring;

/// <summary>Wires the packages' DI extensions to configuration, the demo data and the worker.</summary>
public static class PortfolioScoringSetup
{
    /// <summary>Registers everything the worker needs; each package validates its section on start.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration: sections Scoring, HealthScoring (with its Models), BehaviorRules, SuccessPlans.</param>
    /// <param name="contentRoot">Where the plan template files are found.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPortfolioScoring(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The injected clock drives every as-of instant; Scoring:DemoStart pins "now" for the demo data.
        string? demoStart = configuration["Scoring:DemoStart"];
        services.AddSingleton<IClock>(demoStart is null ? SystemClock.Instance : new ShiftedClock(TimeProvider.System, ParseDemoStart(demoStart)));
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ScoringOptions>().Bind(configuration.GetSection("Scoring")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScoringOptions>, ScoringOptionsValidator>();

        // Health: the models and the selection rule from configuration; the demo's signal plugins.
        services.Configure<HealthScoringOptions<AccountFacts>>(configuration.GetSection("HealthScoring"));
        HealthScoringBuilder<AccountFacts> scoring = services.AddHealthScoring<AccountFacts>();

        foreach (var signal in DemoHealthModel.Signals)
        {
            scoring.AddSignal(signal);
        }

        // Behaviors: every named rule set.
        foreach (IConfigurationSection set in configuration.GetSection("BehaviorRules").GetChildren())
        {
            services.Configure<BehaviorRuleSetOptions>(set.Key, set);
            services.AddBehaviorRules(set.Key, static _ => { });
        }

        // Success plans: options and the templates the Scoring section lists.
        services.Configure<SuccessPlanOptions>(configuration.GetSection("SuccessPlans"));
        SuccessPlansBuilder plans = services.AddSuccessPlans();
        foreach (string file in configuration.GetSection("Scoring:PlanTemplates").GetChildren().Select(c => c.Value).OfType<string>())
        {
            string path = Path.Combine(contentRoot, file);
            try
            {
                plans.AddTemplate(SuccessPlanJson.DeserializeTemplate(File.ReadAllText(path)));
            }
            catch (Exception e) when (e is IOException or CustomerSuccessValidationException)
            {
                throw new InvalidOperationException($"Scoring:PlanTemplates: '{path}' is not a plan template: {e.Message}", e);
            }
        }

        // State that must survive a restart (overrides, the alert log that cooldowns run from): the SQLite store on the
        // file Storage:Sqlite:Path names (relative to the content root), or PostgreSQL when
        // Storage:PostgreSql:ConnectionString is set.
        if (configuration["Storage:PostgreSql:ConnectionString"] is { Length: > 0 } connectionString)
        {
            services.AddPostgreSqlStore(connectionString);
        }
        else
        {
            services.AddSqliteStore(options =>
            {
                configuration.GetSection("Storage:Sqlite").Bind(options);
                if (options.Path is { Length: > 0 } path && !Path.IsPathRooted(path))
                {
                    options.Path = Path.Combine(contentRoot, path);
                }
            });
        }

        services.AddSingleton(_ => DemoPortfolio.Load());
        services.AddSingleton<ScoringWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<ScoringWorker>());
        return services;
    }

    private static Instant ParseDemoStart(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed
        ? parsed.Value
        : throw new OptionsValidationException("Scoring", typeof(ScoringOptions), [$"Scoring:DemoStart '{text}' is not an ISO 8601 instant such as 2026-10-31T23:59:59Z."]);
}
