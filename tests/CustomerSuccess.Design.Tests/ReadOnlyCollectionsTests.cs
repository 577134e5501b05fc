using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Revenue;
using CustomerSuccess.Signals;
using CustomerSuccess.SuccessPlans;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Design.Tests;

/// <summary>
/// Collections handed out are read-only views: never an array, a list or a dictionary typed as IReadOnly*, which a caller
/// could cast back and change. Checked on real results of every package, walking their public properties.
/// </summary>
public class ReadOnlyCollectionsTests
{
    private static readonly SignalContext Context = new(Instant.FromUtc(2026, 11, 30, 0, 0), DateTimeZone.Utc);

    public static TheoryData<string> Roots { get; } = new(Results().Keys.ToArray());

    [Theory]
    [MemberData(nameof(Roots))]
    public void PublicCollections_AreReadOnlyViews(string root)
    {
        var offenders = new List<string>();
        Walk(Results()[root], root, offenders, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);

        Assert.Empty(offenders);
    }

    [Fact]
    public void TheWalk_FindsAnArrayBehindAnInterface()
    {
        // The test must be able to fail: an object that hands out its array is reported.
        var offenders = new List<string>();
        Walk(new Leaky(), "leaky", offenders, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);

        Assert.Equal(["leaky.Items: Int32[]"], offenders);
    }

    public sealed class Leaky
    {
        public IReadOnlyList<int> Items { get; } = new[] { 1, 2 };
    }

    private static Dictionary<string, object> Results()
    {
        var logins = new SignalId("usage.logins");
        var nps = new SignalId("nps.latest");
        HealthModel model = HealthModel.CreateBuilder("m")
            .AddSignal(new HealthSignalDefinition(logins, Curve.Linear(0, 20), group: "adoption"))
            .AddSignal(new HealthSignalDefinition(nps, Curve.Piecewise(new CurvePoint(0, 0), new CurvePoint(10, 100)), group: "relationship"))
            .WithGroupWeight("adoption", 2)
            .AddGate(new HealthGate(nps, GateComparison.Below, 3, GateEffect.Cap, 40, "detractor"))
            .Build();
        HealthScorer<double[]> scorer = HealthScorer.Create(model, [
            Signal.Create<double[]>(logins, SignalTiming.Leading, static (a, _) => SignalValue.Of(a[0])),
            Signal.Create<double[]>(nps, SignalTiming.Lagging, static (a, _) => SignalValue.Of(a[1]))]);
        var day = new LocalDate(2026, 1, 5);
        HealthSnapshot<double[]>[] snapshots = Enumerable.Range(0, 40)
            .Select(i => new HealthSnapshot<double[]>(new AccountId("a" + i), day, [i % 20, i % 10])).ToArray();
        ChurnOutcome[] outcomes = Enumerable.Range(0, 40)
            .Select(i => new ChurnOutcome(new AccountId("a" + i), i % 3 == 0 ? day.PlusDays(20) : null, day.PlusDays(400))).ToArray();
        var history = new ChurnHistory<double[]>(snapshots, outcomes);

        MrrHistory mrr = MrrHistory.FromRows([
            new MrrRow(new AccountId("acme"), new YearMonth(2026, 1), new Money(100m, Currency.USD), "smb"),
            new MrrRow(new AccountId("acme"), new YearMonth(2026, 2), new Money(150m, Currency.USD), "smb"),
            new MrrRow(new AccountId("wingtip"), new YearMonth(2026, 1), new Money(90m, Currency.USD), "ent"),
        ]);

        var acme = new AccountId("acme");
        EventStore events = EventStore.Create(Enumerable.Range(0, 6).Select(i => new BehaviorEvent(acme, "support_case_opened", Context.AsOf - Duration.FromHours(i + 1))));
        RuleSet rules = RuleSet.Parse("rule spike risk danger when count(support_case_opened, last 7d) >= 5");
        var evaluator = new BehaviorEvaluator(events);

        var template = new PlanTemplate("t", "MidMarket", "value",
            [new TemplateMetric("Weekly active analysts", "users", MetricDirection.HigherIsBetter, "distinct users", "analytics", 0.25, 120)],
            [new TemplateMilestone("Kickoff", MilestoneKind.Kickoff, 7, PlanRoleKind.ProjectManager)],
            [new TemplateRole(PlanParty.Customer, PlanRoleKind.ExecutiveSponsor, "agrees"), new TemplateRole(PlanParty.Vendor, PlanRoleKind.ProjectManager, "runs")],
            new NextPhase("more teams", NextPhaseKind.MorePeopleTeamsOrDivisions));
        SuccessPlan plan = template.Instantiate("p", acme, new LocalDate(2026, 6, 30),
            new Dictionary<string, double> { ["Weekly active analysts"] = 40 },
            new Dictionary<PlanRoleKind, string> { [PlanRoleKind.ExecutiveSponsor] = "Joe", [PlanRoleKind.ProjectManager] = "Shannon" });

        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["HealthModel"] = model,
            ["HealthExplanation"] = scorer.Explain([5, 2], Context),
            ["BacktestReport"] = HealthBacktest.Run(scorer, history, 90, resamples: 10),
            ["SignalLeadTime"] = SignalLeadTime.Analyze(scorer, history, 30, 90),
            ["ChurnHistory"] = history,
            ["MrrHistory"] = mrr,
            ["MrrMovementReport"] = mrr.Movements(),
            ["CohortReport"] = mrr.Cohort(new YearMonth(2026, 1), new YearMonth(2026, 2)),
            ["CohortTable"] = mrr.CohortTable(),
            ["EventStore"] = events,
            ["Alerts"] = evaluator.Alerts(rules, Context),
            ["RuleSet"] = rules,
            ["PredicateResult"] = evaluator.Evaluate(rules[0].When, acme, Context),
            ["PlanTemplate"] = template,
            ["SuccessPlan"] = plan,
            ["MetricAssessment"] = MetricAssessment.Assess(plan.Metrics[0], [new Measurement(new LocalDate(2026, 7, 30), 45)], new LocalDate(2026, 8, 1)),
            ["ExchangeRateTable"] = ExchangeRateTable.CreateBuilder().Add(new ExchangeRate(Currency.EUR, Currency.USD, new YearMonth(2026, 1), 1.1m)).Build(),
            ["CustomerSuccessValidationException"] = new CustomerSuccessValidationException(["a.", "b."]),
        };
    }

    private static void Walk(object value, string path, List<string> offenders, HashSet<object> seen, int depth)
    {
        if (depth > 4 || !seen.Add(value))
        {
            return;
        }

        foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || (!IsOurs(property.DeclaringType!) && value is not Leaky) || IsTheCallersType(property))
            {
                continue;
            }

            object? item;
            try
            {
                item = property.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                continue; // such as the value of an undefined ratio
            }

            if (item is null or string)
            {
                continue;
            }

            string at = $"{path}.{property.Name}";
            if (item is IEnumerable collection)
            {
                if (IsMutable(item))
                {
                    offenders.Add($"{at}: {item.GetType().Name}");
                }

                int i = 0;
                foreach (object? element in collection)
                {
                    if (element is not null && IsOurs(element.GetType()) && i++ < 3)
                    {
                        Walk(element, $"{at}[{i - 1}]", offenders, seen, depth + 1);
                    }
                }
            }
            else if (IsOurs(item.GetType()) && !item.GetType().IsValueType)
            {
                Walk(item, at, offenders, seen, depth + 1);
            }
        }
    }

    // A snapshot's State is the caller's own account object: what it is made of is the caller's business.
    private static bool IsTheCallersType(PropertyInfo property) =>
        property.DeclaringType is { IsGenericType: true } generic
        && generic.GetGenericTypeDefinition().GetProperty(property.Name)!.PropertyType.IsGenericParameter;

    private static bool IsMutable(object collection)
    {
        if (collection is Array || collection is IList { IsReadOnly: false } || collection is IDictionary { IsReadOnly: false })
        {
            return true;
        }

        Type? generic = collection.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>));
        return generic is not null && generic.GetProperty(nameof(ICollection<int>.IsReadOnly))!.GetValue(collection) is false;
    }

    private static bool IsOurs(Type type) => type.Assembly.GetName().Name!.StartsWith("CustomerSuccess.", StringComparison.Ordinal) && type.Assembly != typeof(ReadOnlyCollectionsTests).Assembly;
}
