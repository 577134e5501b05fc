using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Revenue.Tests;

public class CmrrLedgerTests
{
    private static ContractLine Line(
        string id, ContractOrderType type, string signed, string start, string end, decimal quantity, decimal unitPrice,
        string? renews = null, string? notice = null, string? reason = null, Avoidability avoidability = Avoidability.Unspecified,
        BillingInterval billing = BillingInterval.Month, string account = "acct-1", Currency? currency = null) => new()
        {
            LineId = id,
            Account = new AccountId(account),
            OrderType = type,
            SignedOn = Day(signed),
            Start = Day(start),
            End = Day(end),
            Quantity = quantity,
            UnitPrice = new Money(unitPrice, currency ?? Currency.USD),
            Billing = billing,
            Renews = renews,
            CancellationNotice = notice is null ? null : Day(notice),
            ChurnReason = reason,
            Avoidability = avoidability,
        };

    private static LocalDate Day(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;

    [Fact]
    public void SignedContract_CountsFromSigning_BeforeItGoesIntoProduction()
    {
        // Seed 002: CMRR includes "signed contracts currently committed and going into production".
        var ledger = CmrrLedger.Create([Line("L1", ContractOrderType.New, "2026-06-30", "2026-07-01", "2027-06-30", 1, 29_000m, billing: BillingInterval.Year)]);

        Assert.Equal(Money.Zero(Currency.USD), ledger.CmrrAt(Day("2026-06-29")));
        Assert.Equal(new Money(2_416.67m, Currency.USD), ledger.CmrrAt(Day("2026-06-30")));
        CmrrBridge june = ledger.Bridge(Day("2026-05-31"), Day("2026-06-30"));
        Assert.Equal(2_416.67m, june.New.Amount);
        Assert.Equal(1, june.NewLines);
        Assert.Equal(1, june.CustomersGained);
    }

    [Fact]
    public void EarlyRenewal_CountsWhenDue_SplitIntoQuantityAndPrice()
    {
        var ledger = CmrrLedger.Create(
        [
            Line("P", ContractOrderType.New, "2025-12-15", "2026-01-01", "2026-12-31", 10, 100m),
            Line("R", ContractOrderType.Renewal, "2026-10-15", "2027-01-01", "2027-12-31", 12, 105m, renews: "P"),
        ]);

        CmrrBridge october = ledger.Bridge(Day("2026-09-30"), Day("2026-10-31"));
        Assert.Equal(0, october.UpgradedRenewals);
        Assert.Equal(october.OpeningCmrr, october.ClosingCmrr);

        CmrrBridge january = ledger.Bridge(Day("2026-12-31"), Day("2027-01-31"));
        Assert.Equal(1_000m, january.OpeningCmrr.Amount);
        Assert.Equal(200m, january.UpgradeQuantity.Amount);   // (12 - 10) x 100
        Assert.Equal(60m, january.UpgradePrice.Amount);       // 12 x (105 - 100)
        Assert.Equal(1_260m, january.ClosingCmrr.Amount);
        Assert.Equal(1, january.UpgradedRenewals);
    }

    [Fact]
    public void LateRenewal_MovesToThePeriodItIsSigned_AndKeepsItsTermDates()
    {
        var ledger = CmrrLedger.Create(
        [
            Line("P", ContractOrderType.New, "2025-12-15", "2026-01-01", "2026-12-31", 10, 100m),
            Line("R", ContractOrderType.Renewal, "2027-02-10", "2027-01-01", "2027-12-31", 8, 110m, renews: "P", reason: "fewer seats needed", avoidability: Avoidability.Avoidable),
        ]);

        CmrrBridge january = ledger.Bridge(Day("2026-12-31"), Day("2027-01-31"));
        Assert.Equal(1_000m, january.ClosingCmrr.Amount); // still expected
        Assert.Equal(0, january.DowngradedRenewals);

        CmrrBridge february = ledger.Bridge(Day("2027-01-31"), Day("2027-02-28"));
        Assert.Equal(200m, february.DowngradeQuantity.Amount); // (8 - 10) x 100
        Assert.Equal(80m, february.UpgradePrice.Amount);        // 8 x (110 - 100)
        Assert.Equal(880m, february.ClosingCmrr.Amount);
        Assert.Equal(1, february.DowngradedRenewals);
        CmrrLoss loss = Assert.Single(february.LossesByReason);
        Assert.Equal(("fewer seats needed", 200m, 1), (loss.Key, loss.Downgrades.Amount, loss.DowngradedRenewals));
        Assert.Equal("Avoidable", Assert.Single(february.LossesByAvoidability).Key);
    }

    [Fact]
    public void Cancellation_CountsOnTheNoticeDay_WithItsReasonAndAvoidability_ThenAFirstTimeArchive()
    {
        var ledger = CmrrLedger.Create(
        [
            Line("A", ContractOrderType.New, "2026-01-01", "2026-01-01", "2026-12-31", 1, 500m, notice: "2026-03-03", reason: "acquired", avoidability: Avoidability.Unavoidable),
            Line("B", ContractOrderType.New, "2026-01-01", "2026-01-01", "2026-12-31", 1, 300m, account: "acct-2"),
            Line("X", ContractOrderType.Archive, "2026-03-20", "2026-04-01", "2027-03-31", 1, 50m),
        ]);

        CmrrBridge march = ledger.Bridge(Day("2026-02-28"), Day("2026-03-31"));
        Assert.Equal(500m, march.Cancellations.Amount);
        Assert.Equal(1, march.CancelledLines);
        Assert.Equal(1, march.CustomersLost);
        Assert.Equal(("acquired", 500m), (march.LossesByReason[0].Key, march.LossesByReason[0].Cancellations.Amount));
        Assert.Equal("Unavoidable", march.LossesByAvoidability[0].Key);

        CmrrBridge april = ledger.Bridge(Day("2026-03-31"), Day("2026-04-30"));
        Assert.Equal(50m, april.FirstTimeArchives.Amount);
        Assert.Equal(1, april.FirstTimeArchiveLines);
        Assert.Equal(350m, april.ClosingCmrr.Amount);
    }

    [Fact]
    public void NoticeOnARenewalBeforeItCounts_CancelsTheCustomerFromThatNotice()
    {
        var ledger = CmrrLedger.Create(
        [
            Line("P", ContractOrderType.New, "2026-01-01", "2026-01-01", "2026-12-31", 1, 100m),
            Line("R", ContractOrderType.Renewal, "2026-10-01", "2027-01-01", "2027-12-31", 1, 100m, renews: "P", notice: "2026-11-15", reason: "budget"),
        ]);

        CmrrBridge november = ledger.Bridge(Day("2026-10-31"), Day("2026-11-30"));
        Assert.Equal(100m, november.Cancellations.Amount);
        Assert.Equal("budget", november.LossesByReason[0].Key);
        Assert.Equal(0m, november.ClosingCmrr.Amount);
        Assert.Equal(0m, ledger.CmrrAt(Day("2027-06-01")).Amount);
    }

    [Fact]
    public void Renewal_OfALineThatLapsed_IsNewBusiness()
    {
        var ledger = CmrrLedger.Create(
        [
            Line("P", ContractOrderType.New, "2026-01-01", "2026-01-01", "2026-06-30", 1, 100m, notice: "2026-05-01"),
            Line("R", ContractOrderType.Renewal, "2026-08-01", "2026-08-01", "2027-07-31", 1, 90m, renews: "P"),
        ]);

        CmrrBridge august = ledger.Bridge(Day("2026-07-31"), Day("2026-08-31"));
        Assert.Equal(90m, august.New.Amount);
        Assert.Equal(0, august.DowngradedRenewals);
    }

    [Fact]
    public void Fx_OpeningRevaluedAtClosingRates_IsItsOwnFigure()
    {
        var rates = ExchangeRateTable.CreateBuilder()
            .Add(Currency.EUR, Currency.USD, new YearMonth(2026, 1), 1.10m)
            .Add(Currency.EUR, Currency.USD, new YearMonth(2026, 2), 1.20m)
            .Build();
        var ledger = CmrrLedger.Create(
            [Line("E", ContractOrderType.New, "2026-01-01", "2026-01-01", "2026-12-31", 1, 1_000m, currency: Currency.EUR)],
            new MrrOptions { ExchangeRates = rates });

        CmrrBridge february = ledger.Bridge(Day("2026-01-31"), Day("2026-02-28"));
        Assert.Equal(1_100m, february.OpeningCmrr.Amount);
        Assert.Equal(100m, february.FxImpact.Amount);
        Assert.Equal(1_200m, february.ClosingCmrr.Amount);
    }

    [Theory]
    [InlineData("end", "ends (2026-01-01) before it starts")]
    [InlineData("renews-unknown", "field 'renews': no line has the id 'ghost'")]
    [InlineData("duplicate", "field 'line_id': another line has the same id")]
    [InlineData("twice", "is already renewed by")]
    [InlineData("archive", "an archive renews only an earlier archive")]
    [InlineData("currency", "field 'currency': the renewal is in EUR but 'P' is in USD")]
    [InlineData("start", "field 'start': a renewal must start after the line it renews")]
    [InlineData("quantity", "field 'quantity': the quantity must be greater than zero")]
    [InlineData("renewal-without-predecessor", "field 'renews': a renewal must name the line it renews")]
    public void Create_BadLedger_FailsNamingTheLineAndField(string fault, string message)
    {
        var lines = new List<ContractLine> { Line("P", ContractOrderType.New, "2026-01-01", "2026-01-01", "2026-12-31", 1, 100m) };
        lines.Add(fault switch
        {
            "end" => Line("Q", ContractOrderType.New, "2026-01-01", "2026-02-01", "2026-01-01", 1, 1m),
            "renews-unknown" => Line("Q", ContractOrderType.Renewal, "2026-01-01", "2027-01-01", "2027-12-31", 1, 1m, renews: "ghost"),
            "duplicate" => Line("P", ContractOrderType.New, "2026-01-01", "2026-01-01", "2026-12-31", 1, 1m),
            "twice" => Line("Q", ContractOrderType.Renewal, "2026-01-01", "2027-01-01", "2027-12-31", 1, 1m, renews: "P"),
            "archive" => Line("Q", ContractOrderType.Archive, "2026-01-01", "2027-01-01", "2027-12-31", 1, 1m, renews: "P"),
            "currency" => Line("Q", ContractOrderType.Renewal, "2026-01-01", "2027-01-01", "2027-12-31", 1, 1m, renews: "P", currency: Currency.EUR),
            "start" => Line("Q", ContractOrderType.Renewal, "2026-01-01", "2026-01-01", "2027-12-31", 1, 1m, renews: "P"),
            "quantity" => Line("Q", ContractOrderType.New, "2026-01-01", "2026-01-01", "2026-12-31", 0, 1m),
            _ => Line("Q", ContractOrderType.Renewal, "2026-01-01", "2027-01-01", "2027-12-31", 1, 1m),
        });
        if (fault == "twice")
        {
            lines.Add(Line("Q2", ContractOrderType.Renewal, "2026-01-01", "2027-01-01", "2027-12-31", 1, 1m, renews: "P"));
        }

        var error = Assert.Throws<ContractLineException>(() => CmrrLedger.Create(lines));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Contract line '", error.Message, StringComparison.Ordinal);
    }

    [Property(Arbitrary = new[] { typeof(LedgerArbitraries) }, MaxTest = 200)]
    public void Bridge_ReconcilesToTheCent_InMoneyLinesAndCustomers(LedgerSample sample)
    {
        CmrrLedger ledger = CmrrLedger.Create(sample.Lines, new MrrOptions { ExchangeRates = sample.Rates });
        CmrrBridge b = ledger.Bridge(sample.From, sample.To);

        Assert.Equal(
            b.ClosingCmrr,
            b.OpeningCmrr + b.FxImpact + b.New + b.AddOn + b.UpgradeQuantity + b.UpgradePrice - b.DowngradeQuantity - b.DowngradePrice - b.Cancellations + b.FirstTimeArchives);
        Assert.Equal(b.LinesClosing, b.LinesOpening + b.NewLines + b.AddOnLines + b.FirstTimeArchiveLines - b.CancelledLines);
        Assert.Equal(b.CustomersClosing, b.CustomersOpening + b.CustomersGained - b.CustomersLost);
        Assert.Equal(ledger.CmrrAt(sample.From), b.OpeningCmrr);
        Assert.Equal(ledger.CmrrAt(sample.To), b.ClosingCmrr);
        Assert.Equal(b.Cancellations.Amount, b.LossesByReason.Sum(l => l.Cancellations.Amount));
        Assert.Equal(b.DowngradeQuantity.Amount + b.DowngradePrice.Amount, b.LossesByAvoidability.Sum(l => l.Downgrades.Amount));
    }

    [Property(Arbitrary = new[] { typeof(LedgerArbitraries) }, MaxTest = 100)]
    public void Bridge_ConsecutivePeriodsChain(LedgerSample sample)
    {
        CmrrLedger ledger = CmrrLedger.Create(sample.Lines, new MrrOptions { ExchangeRates = sample.Rates });
        LocalDate middle = sample.From.PlusDays(Period.Between(sample.From, sample.To, PeriodUnits.Days).Days / 2);
        if (middle <= sample.From)
        {
            return;
        }

        Assert.Equal(ledger.Bridge(sample.From, middle).ClosingCmrr, ledger.Bridge(middle, sample.To).OpeningCmrr);
    }
}

public sealed record LedgerSample(ContractLine[] Lines, ExchangeRateTable Rates, LocalDate From, LocalDate To)
{
    public override string ToString() =>
        $"{From}..{To}: " + string.Join("; ", Lines.Select(l => $"{l.LineId} {l.Account} {l.OrderType} signed {l.SignedOn} {l.Start}..{l.End} {l.Quantity}x{l.UnitPrice}/{l.Billing} renews {l.Renews} notice {l.CancellationNotice}"));
}

public static class LedgerArbitraries
{
    private static readonly LocalDate Origin = new(2026, 1, 1);

    public static Arbitrary<LedgerSample> LedgerSample() => Sample.ToArbitrary();

    private static Gen<LedgerSample> Sample { get; } =
        from accountCount in Gen.Choose(1, 8)
        from accounts in Gen.ArrayOf(Account, accountCount)
        from rates in Rates
        from a in Gen.Choose(0, 700)
        from length in Gen.Choose(1, 400)
        let lines = accounts.SelectMany((lines, i) => lines.Select(l => Rename(l, i))).ToArray()
        select new LedgerSample(lines, rates, Origin.PlusDays(a), Origin.PlusDays(a + length));

    private static Gen<ExchangeRateTable> Rates { get; } =
        Gen.ArrayOf(Gen.Choose(900, 1_300), 72).Select(r =>
        {
            var builder = ExchangeRateTable.CreateBuilder();
            for (int m = 0; m < 72; m++)
            {
                builder.Add(Currency.EUR, Currency.USD, new YearMonth(2025, 1).PlusMonths(m), r[m] / 1_000m);
            }

            return builder.Build();
        });

    // One account: a new line, then a chain of renewals with random timing (early, on time, late), some add-ons,
    // maybe a cancellation notice somewhere, maybe an archive.
    private static Gen<ContractLine[]> Account { get; } =
        from currency in Gen.Elements(Currency.USD, Currency.USD, Currency.EUR)
        from startDay in Gen.Choose(-60, 400)
        from terms in Gen.Choose(1, 4)
        from quantities in Gen.ArrayOf(Gen.Choose(1, 20), 4)
        from prices in Gen.ArrayOf(Gen.Elements(9.99m, 50m, 100m, 120.5m, 1_000m), 4)
        from billing in Gen.ArrayOf(Gen.Elements(BillingInterval.Month, BillingInterval.Quarter, BillingInterval.Year), 4)
        from signOffsets in Gen.ArrayOf(Gen.Choose(-60, 45), 4)
        from addOnCount in Gen.Choose(0, 2)
        from addOnDays in Gen.ArrayOf(Gen.Choose(1, 360), 2)
        from noticeLine in Gen.Choose(-1, 6)
        from noticeDay in Gen.Choose(-30, 200)
        from archive in Gen.Elements(false, false, true)
        select Build(currency, startDay, terms, quantities, prices, billing, signOffsets, addOnCount, addOnDays, noticeLine, noticeDay, archive);

    private static ContractLine[] Build(
        Currency currency, int startDay, int terms, int[] quantities, decimal[] prices, BillingInterval[] billing, int[] signOffsets,
        int addOnCount, int[] addOnDays, int noticeLine, int noticeDay, bool archive)
    {
        var lines = new List<ContractLine>();
        LocalDate start = Origin.PlusDays(startDay);
        for (int t = 0; t < terms; t++)
        {
            LocalDate termStart = start.PlusYears(t);
            lines.Add(new ContractLine
            {
                LineId = $"m{t}",
                Account = new AccountId("x"),
                OrderType = t == 0 ? ContractOrderType.New : ContractOrderType.Renewal,
                SignedOn = t == 0 ? termStart.PlusDays(-10) : termStart.PlusDays(signOffsets[t]),
                Start = termStart,
                End = termStart.PlusYears(1).PlusDays(-1),
                Quantity = quantities[t],
                UnitPrice = new Money(prices[t] * (int)billing[t], currency),
                Billing = billing[t],
                Renews = t == 0 ? null : $"m{t - 1}",
            });
        }

        for (int i = 0; i < addOnCount; i++)
        {
            LocalDate signed = start.PlusDays(addOnDays[i]);
            lines.Add(new ContractLine
            {
                LineId = $"a{i}",
                Account = new AccountId("x"),
                OrderType = ContractOrderType.AddOn,
                SignedOn = signed,
                Start = signed,
                End = start.PlusYears(1).PlusDays(-1) < signed ? signed : start.PlusYears(1).PlusDays(-1),
                Quantity = 1 + i,
                UnitPrice = new Money(prices[i], currency),
            });
        }

        if (noticeLine >= 0 && noticeLine < lines.Count)
        {
            ContractLine target = lines[noticeLine];
            lines[noticeLine] = target.WithCancellation(
                target.Start.PlusDays(noticeDay), noticeDay % 2 == 0 ? "budget" : "product fit", noticeDay % 3 == 0 ? Avoidability.Avoidable : Avoidability.Unavoidable);
        }

        if (archive)
        {
            LocalDate archiveStart = start.PlusYears(terms);
            lines.Add(new ContractLine
            {
                LineId = "arch",
                Account = new AccountId("x"),
                OrderType = ContractOrderType.Archive,
                SignedOn = archiveStart.PlusDays(-5),
                Start = archiveStart,
                End = archiveStart.PlusYears(1).PlusDays(-1),
                Quantity = 1,
                UnitPrice = new Money(25m, currency),
            });
        }

        return lines.ToArray();
    }

    private static ContractLine Rename(ContractLine line, int account) => new()
    {
        LineId = $"acct{account}-{line.LineId}",
        Account = new AccountId($"acct-{account}"),
        OrderType = line.OrderType,
        SignedOn = line.SignedOn,
        Start = line.Start,
        End = line.End,
        Quantity = line.Quantity,
        UnitPrice = line.UnitPrice,
        Billing = line.Billing,
        Renews = line.Renews is null ? null : $"acct{account}-{line.Renews}",
        CancellationNotice = line.CancellationNotice,
        ChurnReason = line.ChurnReason,
        Avoidability = line.Avoidability,
    };
}
