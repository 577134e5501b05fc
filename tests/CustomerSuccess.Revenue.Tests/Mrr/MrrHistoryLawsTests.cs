using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Revenue.Tests;

/// <summary>The laws of DESIGN section 3, checked over random histories.</summary>
[Properties(Arbitrary = new[] { typeof(MrrArbitraries) }, MaxTest = 200)]
public class MrrHistoryLawsTests
{
    [Property]
    public void Movements_ReconcileExactly_ForEveryGroupAndMonth(MrrSample sample)
    {
        MrrMovementReport report = MrrHistory.FromRows(sample.Rows, sample.Options()).Movements(MrrSample.First, MrrSample.Last);

        foreach (YearMonth month in report.Months)
        {
            foreach (MrrMonthFigures f in report.Groups.Select(g => report.ForGroup(g, month)).Append(report.Total(month)))
            {
                Assert.Equal(f.ClosingMrr, f.OpeningMrr + f.FxImpact + f.New + f.Reactivation + f.Expansion - f.Contraction - f.Churn);
                Assert.Equal(f.CustomersClosing, f.CustomersOpening + f.CustomersNew + f.CustomersReactivated - f.CustomersChurned);
            }
        }
    }

    [Property]
    public void Movements_TotalsChain_ClosingIsNextOpening(MrrSample sample)
    {
        MrrMovementReport report = MrrHistory.FromRows(sample.Rows, sample.Options()).Movements(MrrSample.First, MrrSample.Last);

        for (int i = 1; i < report.Months.Count; i++)
        {
            Assert.Equal(report.Total(report.Months[i - 1]).ClosingMrr, report.Total(report.Months[i]).OpeningMrr);
            Assert.Equal(report.Total(report.Months[i - 1]).CustomersClosing, report.Total(report.Months[i]).CustomersOpening);
        }
    }

    [Property]
    public void Movements_GroupsAddUpToTheTotal(MrrSample sample)
    {
        MrrMovementReport report = MrrHistory.FromRows(sample.Rows, sample.Options()).Movements(MrrSample.First, MrrSample.Last);

        foreach (YearMonth month in report.Months)
        {
            MrrMonthFigures[] groups = report.Groups.Select(g => report.ForGroup(g, month)).ToArray();
            AssertSameSums(report.Total(month), Sum(groups, month));
        }
    }

    [Property]
    public void Movements_MatchThePlainReference(UsdSample usd)
    {
        MrrSample sample = usd.Sample;
        MrrMovementReport report = MrrHistory.FromRows(sample.Rows, sample.Options()).Movements(MrrSample.First, MrrSample.Last);

        foreach (YearMonth month in report.Months)
        {
            Dictionary<string, decimal> expected = ReferenceMovements.Totals(sample.Rows, month);
            MrrMonthFigures actual = report.Total(month);
            Assert.Equal(expected["opening"], actual.OpeningMrr.Amount);
            Assert.Equal(expected["new"], actual.New.Amount);
            Assert.Equal(expected["reactivation"], actual.Reactivation.Amount);
            Assert.Equal(expected["expansion"], actual.Expansion.Amount);
            Assert.Equal(expected["contraction"], actual.Contraction.Amount);
            Assert.Equal(expected["churn"], actual.Churn.Amount);
            Assert.Equal(expected["closing"], actual.ClosingMrr.Amount);
            Assert.Equal(expected["churned"], actual.CustomersChurned);
            Assert.Equal(expected["opening_customers"], actual.CustomersOpening);
            Assert.Equal(0m, actual.FxImpact.Amount);
        }
    }

    [Property]
    public void Movements_InputOrderChangesNothing(MrrSample sample, int seed)
    {
        var shuffled = sample.Rows.ToArray();
        new Random(seed).Shuffle(shuffled);

        MrrMovementReport a = MrrHistory.FromRows(sample.Rows, sample.Options()).Movements(MrrSample.First, MrrSample.Last);
        MrrMovementReport b = MrrHistory.FromRows(shuffled, sample.Options()).Movements(MrrSample.First, MrrSample.Last);
        AssertSameReport(a, b);

        // Grouped by account (the path that takes the rows without copying), months ascending or not.
        MrrRow[] grouped = sample.Rows.OrderBy(r => r.Account).ThenBy(r => r.Month).ToArray();
        AssertSameReport(a, MrrHistory.FromRows(grouped, sample.Options()).Movements(MrrSample.First, MrrSample.Last));
        MrrRow[] groupedBackwards = sample.Rows.OrderBy(r => r.Account).ThenByDescending(r => r.Month).ToArray();
        AssertSameReport(a, MrrHistory.FromRows(groupedBackwards.AsEnumerable(), sample.Options()).Movements(MrrSample.First, MrrSample.Last));
    }

    [Property]
    public void Movements_MergingPartitionsEqualsTheWhole(MrrSample sample, PositiveInt partCount)
    {
        int parts = (partCount.Get % 4) + 1;
        MrrOptions options = sample.Options();
        MrrMovementReport whole = MrrHistory.FromRows(sample.Rows, options).Movements(MrrSample.First, MrrSample.Last);

        MrrMovementReport[] partials = Partition(sample.Rows, parts)
            .Select(rows => MrrHistory.FromRows(rows, options).Movements(MrrSample.First, MrrSample.Last))
            .ToArray();

        AssertSameReport(whole, partials.Aggregate((x, y) => x.Merge(y)));
        AssertSameReport(whole, partials.Reverse().Aggregate((x, y) => y.Merge(x)));

        MrrHistory mergedHistory = Partition(sample.Rows, parts).Select(rows => MrrHistory.FromRows(rows, options)).Aggregate(MrrHistory.Merge);
        AssertSameReport(whole, mergedHistory.Movements(MrrSample.First, MrrSample.Last));
    }

    [Property]
    public void Retention_GrrIsAtMostOneAndAtMostNrr(MrrSample sample)
    {
        MrrHistory history = MrrHistory.FromRows(sample.Rows, sample.Options());
        MrrMovementReport report = history.Movements(MrrSample.First, MrrSample.Last);

        foreach (MrrMonthFigures f in report.TotalByMonth())
        {
            // Undefined exactly when the denominator, the opening at this month's rates, is zero.
            Assert.Equal((f.OpeningMrr + f.FxImpact).IsZero, !f.Nrr.HasValue);
            if (f.Grr.HasValue)
            {
                Assert.True(f.Grr.Value <= 1m, $"GRR {f.Grr} in {f.Month}");
                Assert.True(f.Grr <= f.Nrr, $"GRR {f.Grr} > NRR {f.Nrr} in {f.Month}");
            }
        }

        CohortRetention cohort = history.Cohort(MrrSample.First, MrrSample.Last).Total;
        if (cohort.Grr.HasValue)
        {
            Assert.True(cohort.Grr.Value <= 1m);
            Assert.True(cohort.Grr <= cohort.Nrr);
        }
    }

    [Property]
    public void Cohort_GroupsAddUpAndPartitionsMerge(MrrSample sample, PositiveInt partCount)
    {
        int parts = (partCount.Get % 3) + 1;
        YearMonth from = new(2025, 3), to = new(2025, 11);
        MrrOptions options = sample.Options();
        CohortReport whole = MrrHistory.FromRows(sample.Rows, options).Cohort(from, to);

        var groups = whole.Groups.Select(whole.ForGroup).ToArray();
        Assert.Equal(whole.Total.CohortSize, groups.Sum(g => g.CohortSize));
        Assert.Equal(whole.Total.OpeningMrr.Amount, groups.Sum(g => g.OpeningMrr.Amount));
        Assert.Equal(whole.Total.ClosingMrr.Amount, groups.Sum(g => g.ClosingMrr.Amount));
        Assert.Equal(whole.Total.RetainedMrr.Amount, groups.Sum(g => g.RetainedMrr.Amount));
        Assert.Equal(whole.Total.CustomersChurned, groups.Sum(g => g.CustomersChurned));

        CohortReport merged = Partition(sample.Rows, parts).Select(rows => MrrHistory.FromRows(rows, options).Cohort(from, to)).Aggregate((x, y) => x.Merge(y));
        Assert.Equal(whole.Total.Nrr, merged.Total.Nrr);
        Assert.Equal(whole.Total.Grr, merged.Total.Grr);
        Assert.Equal(whole.Total.LogoChurn, merged.Total.LogoChurn);
        Assert.Equal(whole.Total.CustomersClosing, merged.Total.CustomersClosing);
    }

    [Property]
    public void AccountMovements_AddUpToTheMonthlyTotals(UsdSample usd)
    {
        MrrHistory history = MrrHistory.FromRows(usd.Sample.Rows, usd.Sample.Options());
        if (history.FirstMonth is not { } first || history.LastMonth is not { } last || first == last)
        {
            return;
        }

        MrrMovementReport report = history.Movements();
        var byMonth = history.EnumerateMovements().ToLookup(m => m.Month);
        foreach (MrrMonthFigures f in report.TotalByMonth())
        {
            decimal Amount(MrrMovementKind kind) => byMonth[f.Month].Where(m => m.Kind == kind).Sum(m => m.Amount.Amount);
            Assert.Equal(f.New.Amount, Amount(MrrMovementKind.New));
            Assert.Equal(f.Reactivation.Amount, Amount(MrrMovementKind.Reactivation));
            Assert.Equal(f.Expansion.Amount, Amount(MrrMovementKind.Expansion));
            Assert.Equal(f.Contraction.Amount, Amount(MrrMovementKind.Contraction));
            Assert.Equal(f.Churn.Amount, Amount(MrrMovementKind.Churn));
        }
    }

    private static IEnumerable<MrrRow[]> Partition(MrrRow[] rows, int parts) =>
        Enumerable.Range(0, parts).Select(p => rows.Where(r => unchecked((uint)StringComparer.Ordinal.GetHashCode(r.Account.Value)) % parts == p).ToArray());

    private static (decimal[] Money, int[] Counts) Sum(MrrMonthFigures[] groups, YearMonth month) =>
        (Fields(groups[0]).Money.Select((_, i) => groups.Sum(g => Fields(g).Money[i])).ToArray(),
         Fields(groups[0]).Counts.Select((_, i) => groups.Sum(g => Fields(g).Counts[i])).ToArray());

    private static void AssertSameSums(MrrMonthFigures total, (decimal[] Money, int[] Counts) sums)
    {
        Assert.Equal(Fields(total).Money, sums.Money);
        Assert.Equal(Fields(total).Counts, sums.Counts);
    }

    private static void AssertSameReport(MrrMovementReport expected, MrrMovementReport actual)
    {
        Assert.Equal(expected.Months, actual.Months);
        foreach (YearMonth month in expected.Months)
        {
            AssertSameSums(expected.Total(month), Fields(actual.Total(month)));
            foreach (string group in expected.Groups.Intersect(actual.Groups))
            {
                AssertSameSums(expected.ForGroup(group, month), Fields(actual.ForGroup(group, month)));
            }
        }
    }

    private static (decimal[] Money, int[] Counts) Fields(MrrMonthFigures f) =>
        ([f.OpeningMrr.Amount, f.FxImpact.Amount, f.New.Amount, f.Reactivation.Amount, f.Expansion.Amount, f.Contraction.Amount, f.Churn.Amount, f.ClosingMrr.Amount],
         [f.CustomersOpening, f.CustomersNew, f.CustomersReactivated, f.CustomersExpanded, f.CustomersContracted, f.CustomersChurned, f.CustomersClosing]);
}
