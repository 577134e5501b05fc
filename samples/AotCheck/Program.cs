// Runs what a trimmed or native build is most likely to break (JSON, options validation, dependency injection) in every
// package, and exits 1 naming the first thing that differs. CI publishes it with PublishAot=true and warnings as errors.
using System;
using System.IO;
using CustomerSuccess;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Revenue;
using CustomerSuccess.SuccessPlans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

string examples = args.Length > 0 ? args[0] : Path.Combine("docs", "examples");

HealthModel model = HealthModelJson.Deserialize(File.ReadAllText(Path.Combine(examples, "model.json")), "example");
Check("health model JSON", HealthModelJson.Serialize(HealthModelJson.Deserialize(HealthModelJson.Serialize(model), "example")), HealthModelJson.Serialize(model));

SuccessPlan plan = SuccessPlanJson.Deserialize(File.ReadAllText(Path.Combine(examples, "plan.json")));
Check("success plan JSON", SuccessPlanJson.Deserialize(SuccessPlanJson.Serialize(plan)), plan);

RuleSet rules = BehaviorJson.DeserializeRules("""{"rules":[{"id":"spike","kind":"risk","severity":"danger","when":"count(support_case_opened, last 7d) >= 5"}]}""");
Check("rule set JSON", BehaviorJson.SerializeRules(BehaviorJson.DeserializeRules(BehaviorJson.SerializeRules(rules))), BehaviorJson.SerializeRules(rules));

var northwind = new AccountId("northwind");
MrrHistory history = MrrHistory.FromRows(
[
    new MrrRow(northwind, new NodaTime.YearMonth(2026, 1), new Money(100m, Currency.USD)),
    new MrrRow(northwind, new NodaTime.YearMonth(2026, 2), new Money(120m, Currency.USD)),
]);
Check<decimal>("MRR movements", history.Movements(new NodaTime.YearMonth(2026, 1), new NodaTime.YearMonth(2026, 2)).Total(new NodaTime.YearMonth(2026, 2)).Expansion.Amount, 20m);

var services = new ServiceCollection();
services.AddCustomerSuccessCore();
services.AddRevenue(o => o.ReportingCurrency = Currency.EUR);
services.AddHealthScoring<object>();
services.AddBehaviorRules();
services.AddSuccessPlans();
using (ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
{
    Check("options through DI", provider.GetRequiredService<IOptions<MrrOptions>>().Value.ReportingCurrency, Currency.EUR);
}

Console.WriteLine("AOT check passed: JSON, options and DI of all five packages.");
return 0;

static void Check<T>(string what, T actual, T expected)
{
    if (!Equals(actual, expected))
    {
        Console.Error.WriteLine($"AOT check failed: {what}: {actual} is not {expected}.");
        Environment.Exit(1);
    }
}
