using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Revenue.Tests;

/// <summary>
/// The partials' JSON forms (DESIGN section 9: partial results are serialisable and merge exactly across nodes): serialise
/// then merge equals merge, the text reads back to the same report, and a text that is not a report's is refused by path.
/// </summary>
[Properties(Arbitrary = new[] { typeof(MrrArbitraries) }, MaxTest = 200)]
public class MrrMovementReportTests
{
    [Property]
    public void Movements_SerialisedThenMerged_EqualsMerged(MrrSample sample, PositiveInt partCount, bool reactivation)
    {
        MrrOptions options = sample.Options(reactivation);
        MrrMovementReport[] partials = Partition(sample.Rows, (partCount.Get % 4) + 1)
            .Select(rows => MrrHistory.FromRows(rows, options).Movements(MrrSample.First, MrrSample.Last))
            .ToArray();

        MrrMovementReport merged = partials.Aggregate((x, y) => x.Merge(y));
        MrrMovementReport travelled = partials.Select(p => MrrMovementReport.FromJson(p.ToJson())).Aggregate((x, y) => x.Merge(y));

        Assert.Equal(merged.ToJson(), travelled.ToJson());
        AssertSameFigures(merged, travelled);
        AssertSameFigures(MrrHistory.FromRows(sample.Rows, options).Movements(MrrSample.First, MrrSample.Last), travelled);
    }

    [Property]
    public void Movements_ReadBack_IsTheSameReport(MrrSample sample)
    {
        MrrMovementReport report = MrrHistory.FromRows(sample.Rows, sample.Options()).Movements(new YearMonth(2025, 2), new YearMonth(2025, 9));
        MrrMovementReport read = MrrMovementReport.FromJson(report.ToJson());

        Assert.Equal(report.ToJson(), read.ToJson());
        Assert.Equal(report.From, read.From);
        Assert.Equal(report.To, read.To);
        Assert.Equal(report.Groups, read.Groups);
        Assert.Equal(report.ReportingCurrency, read.ReportingCurrency);
        AssertSameFigures(report, read);
    }

    [Property]
    public void Cohort_SerialisedThenMerged_EqualsMerged(MrrSample sample, PositiveInt partCount)
    {
        YearMonth from = new(2025, 3), to = new(2025, 11);
        MrrOptions options = sample.Options();
        CohortReport[] partials = Partition(sample.Rows, (partCount.Get % 4) + 1).Select(rows => MrrHistory.FromRows(rows, options).Cohort(from, to)).ToArray();

        CohortReport merged = partials.Aggregate((x, y) => x.Merge(y));
        CohortReport travelled = partials.Select(p => CohortReport.FromJson(p.ToJson())).Aggregate((x, y) => x.Merge(y));

        Assert.Equal(merged.ToJson(), travelled.ToJson());
        CohortReport whole = MrrHistory.FromRows(sample.Rows, options).Cohort(from, to);
        foreach (CohortRetention[] pair in whole.Groups.Select(g => new[] { whole.ForGroup(g), travelled.ForGroup(g) }).Append([whole.Total, travelled.Total]))
        {
            Assert.Equal(pair[0].OpeningMrr, pair[1].OpeningMrr);
            Assert.Equal(pair[0].ClosingMrr, pair[1].ClosingMrr);
            Assert.Equal(pair[0].RetainedMrr, pair[1].RetainedMrr);
            Assert.Equal(pair[0].CohortSize, pair[1].CohortSize);
            Assert.Equal(pair[0].CustomersChurned, pair[1].CustomersChurned);
            Assert.Equal(pair[0].CustomersClosing, pair[1].CustomersClosing);
            Assert.Equal(pair[0].Nrr, pair[1].Nrr);
            Assert.Equal(pair[0].Grr, pair[1].Grr);
            Assert.Equal(pair[0].LogoChurn, pair[1].LogoChurn);
        }
    }

    [Fact]
    public void ToJson_NamesTheKindAndVersionFirst_ThenTheFiguresByName()
    {
        MrrRow[] rows =
        [
            new(new AccountId("acme"), new YearMonth(2025, 1), new Money(100.10m, Currency.USD), "smb"),
            new(new AccountId("acme"), new YearMonth(2025, 2), new Money(250.50m, Currency.USD), "smb"),
        ];

        string json = MrrHistory.FromRows(rows).Movements(new YearMonth(2025, 1), new YearMonth(2025, 2)).ToJson();

        Assert.StartsWith("""{"partial":"mrr-movements","version":1,"from":"2025-01","to":"2025-02","currency":"USD",""", json, StringComparison.Ordinal);
        Assert.Contains(""""group":"smb","months":[{"month":"2025-02","opening":100.1,"fx":0,"new":0,"reactivation":0,"expansion":150.4,"contraction":0,"churn":0,"closing":250.5,"customersOpening":1,"""", json, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Faults => new()
    {
        { """{"partial":"cohort","version":1}""", "$.partial", "is a 'cohort' partial, not a 'mrr-movements' one" },
        { """{"partial":"mrr-movements","version":2}""", "$.version", "is version 2; this build reads versions 1 to 1" },
        { """{"partial":"mrr-movements","version":1,"from":"2025-13"}""", "$.from", "is not a month such as 2025-03" },
        { """{"partial":"mrr-movements","version":1,"from":"2025-03","to":"2025-03"}""", "$.to", "is not after 'from'" },
        { """{"partial":"mrr-movements","version":1,"from":"2025-03","to":"2025-04","currency":"XXY"}""", "$.currency", "is not an ISO 4217 currency code" },
        { """{"partial":"mrr-movements","version":1,"from":"2025-03","to":"2025-04","currency":"USD","nrrIncludesReactivation":false,"groups":[{"group":"b","months":[]},{"group":"a"}]}""", "$.groups[0].months", "has 0 months; the report's period has 1" },
        { """{"partial":"mrr-movements","version":1,"from":"2025-03","to":"2025-04","currency":"USD","nrrIncludesReactivation":false,"groups":[{"group":"b","months":[{"month":"2025-05"}]}]}""", "$.groups[0].months[0].month", "is not 2025-04, the report's month 1" },
        { """{"partial":"mrr-movements","version":1,"from":"2025-03","to":"2025-04","currency":"USD","nrrIncludesReactivation":false,"groups":[{"group":"b","months":[{"month":"2025-04","opening":"1"}]}]}""", "$.groups[0].months[0].opening", "is not a decimal number" },
        { """{"partial":"mrr-movements","version":1,"from":"2025-03","to":"2025-04","currency":"USD","nrrIncludesReactivation":false,"groups":[]}""", "$.groups", "is empty; a report has at least one group" },
        { "[1,", "$", "A mrr-movements partial:" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void FromJson_AnotherText_IsRefusedByPath(string json, string path, string message)
    {
        var e = Assert.Throws<CustomerSuccessValidationException>(() => MrrMovementReport.FromJson(json));

        Assert.Equal(path, e.JsonPath);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_GroupsOutOfOrder_AreRefused_BecauseMergingSearchesThem()
    {
        string month = """{"month":"2025-04","opening":0,"fx":0,"new":0,"reactivation":0,"expansion":0,"contraction":0,"churn":0,"closing":0,"customersOpening":0,"customersNew":0,"customersReactivated":0,"customersExpanded":0,"customersContracted":0,"customersChurned":0,"customersClosing":0}""";
        string json = $$"""{"partial":"mrr-movements","version":1,"from":"2025-03","to":"2025-04","currency":"USD","nrrIncludesReactivation":false,"groups":[{"group":"b","months":[{{month}}]},{"group":"a","months":[{{month}}]}]}""";

        var e = Assert.Throws<CustomerSuccessValidationException>(() => MrrMovementReport.FromJson(json));

        Assert.Equal("$.groups[1].group", e.JsonPath);
        Assert.Contains("'a' does not come after 'b'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cohort_FromJson_ANegativeCount_IsRefused()
    {
        string json = """{"partial":"cohort","version":1,"from":"2025-03","to":"2025-04","currency":"USD","includeNewAccounts":false,"groups":[{"group":"","opening":1,"closing":1,"retained":1,"size":-1,"churned":0,"closingCustomers":0,"started":0,"startedLost":0}]}""";

        var e = Assert.Throws<CustomerSuccessValidationException>(() => CohortReport.FromJson(json));

        Assert.Equal("$.groups[0].size", e.JsonPath);
    }

    private static IEnumerable<MrrRow[]> Partition(MrrRow[] rows, int parts) =>
        Enumerable.Range(0, parts).Select(p => rows.Where(r => unchecked((uint)StringComparer.Ordinal.GetHashCode(r.Account.Value)) % parts == p).ToArray());

    private static void AssertSameFigures(MrrMovementReport expected, MrrMovementReport actual)
    {
        Assert.Equal(expected.Months, actual.Months);
        foreach (YearMonth month in expected.Months)
        {
            foreach ((MrrMonthFigures e, MrrMonthFigures a) in expected.Groups.Select(g => (expected.ForGroup(g, month), actual.ForGroup(g, month))).Append((expected.Total(month), actual.Total(month))))
            {
                Assert.Equal(
                    [e.OpeningMrr, e.FxImpact, e.New, e.Reactivation, e.Expansion, e.Contraction, e.Churn, e.ClosingMrr],
                    [a.OpeningMrr, a.FxImpact, a.New, a.Reactivation, a.Expansion, a.Contraction, a.Churn, a.ClosingMrr]);
                Assert.Equal(
                    [e.CustomersOpening, e.CustomersNew, e.CustomersReactivated, e.CustomersExpanded, e.CustomersContracted, e.CustomersChurned, e.CustomersClosing],
                    [a.CustomersOpening, a.CustomersNew, a.CustomersReactivated, a.CustomersExpanded, a.CustomersContracted, a.CustomersChurned, a.CustomersClosing]);
                Assert.Equal(e.Nrr, a.Nrr);
                Assert.Equal(e.Grr, a.Grr);
                Assert.Equal(e.QuickRatio, a.QuickRatio);
            }
        }
    }
}
