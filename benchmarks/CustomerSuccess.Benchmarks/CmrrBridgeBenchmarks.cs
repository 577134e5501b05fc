using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Revenue;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// The CMRR bridge over a million contract lines: 200,000 accounts with a new line, an add-on, an early and a late
/// renewal (with quantity and price changes) and, for one in ten, a cancellation notice with a reason.
/// </summary>
[MemoryDiagnoser]
public class CmrrBridgeBenchmarks
{
    private static readonly LocalDate From = new(2025, 12, 31);
    private static readonly LocalDate To = new(2026, 12, 31);

    private ContractLine[] _lines = [];
    private CmrrLedger _ledger = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260630);
        var lines = new List<ContractLine>(1_000_000);
        for (int a = 0; a < 200_000; a++)
        {
            var account = new AccountId($"acct-{a:D6}");
            var start = new LocalDate(2024, 1, 1).PlusDays(random.Next(0, 730));
            decimal price = random.Next(20, 200);
            int seats = random.Next(5, 50);
            Line(lines, account, $"{a}-n", ContractOrderType.New, start.PlusDays(-10), start, seats, price, null, null);
            Line(lines, account, $"{a}-a", ContractOrderType.AddOn, start.PlusDays(90), start.PlusDays(90), 2, price, null, null);
            Line(lines, account, $"{a}-r1", ContractOrderType.Renewal, start.PlusYears(1).PlusDays(-45), start.PlusYears(1), seats + random.Next(-3, 6), price, $"{a}-n", null);
            bool leaves = random.Next(10) == 0;
            Line(lines, account, $"{a}-r2", ContractOrderType.Renewal, start.PlusYears(2).PlusDays(12), start.PlusYears(2), seats + random.Next(-5, 8), price * 1.05m, $"{a}-r1", leaves ? start.PlusYears(2).PlusDays(100) : null);
            Line(lines, account, $"{a}-a2", ContractOrderType.AddOn, start.PlusDays(400), start.PlusDays(400), 1, price, null, null);
        }

        _lines = lines.ToArray();
        _ledger = CmrrLedger.Create(_lines);
    }

    [Benchmark]
    public CmrrLedger CreateLedger() => CmrrLedger.Create(_lines);

    [Benchmark]
    public Money Bridge() => _ledger.Bridge(From, To).ClosingCmrr;

    [Benchmark]
    public Money CmrrAt() => _ledger.CmrrAt(To);

    private static void Line(
        List<ContractLine> lines, AccountId account, string id, ContractOrderType type, LocalDate signed, LocalDate start, int quantity, decimal price, string? renews, LocalDate? notice) =>
        lines.Add(new ContractLine
        {
            LineId = id,
            Account = account,
            OrderType = type,
            SignedOn = signed,
            Start = start,
            End = start.PlusYears(1).PlusDays(-1),
            Quantity = Math.Max(1, quantity),
            UnitPrice = new Money(price, Currency.USD),
            Renews = renews,
            CancellationNotice = notice,
            ChurnReason = notice is null ? null : "budget cuts",
            Avoidability = notice is null ? Avoidability.Unspecified : Avoidability.Avoidable,
        });
}
