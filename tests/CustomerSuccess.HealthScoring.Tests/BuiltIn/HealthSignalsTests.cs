using System.Collections.Generic;
using CustomerSuccess.Signals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

public class HealthSignalsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 17, 12, 0);
    private static readonly SignalContext AsOf = new(Now, DateTimeZone.Utc);

    // Seed 002's Financiality, as a customer's own account type would hold it.
    private sealed class Financiality
    {
        public int? ActiveUsers { get; init; } = 41;

        public int? Licences { get; init; } = 50;

        public List<Instant> CasesOpened { get; } = [];

        public List<SupportCase> Cases { get; } = [];

        public List<NpsResponse> Nps { get; } = [];

        public List<Invoice> Invoices { get; } = [];

        public List<Instant> SponsorMeetings { get; } = [];

        public Money? OriginalContract { get; init; } = new Money(29_000m, Currency.USD);

        public Money? CurrentContract { get; init; } = new Money(34_800m, Currency.USD);
    }

    private static double Measure(ISignal<Financiality> signal, Financiality account) => signal.Measure(account, AsOf).Value;

    [Fact]
    public void ActiveLicenceShare_MoreThan80PercentActive_IsAnOpportunity()
    {
        ISignal<Financiality> signal = HealthSignals.ActiveLicenceShare<Financiality>(new SignalId("adoption.active_licences"), a => a.ActiveUsers, a => a.Licences);

        Assert.Equal(0.82, Measure(signal, new Financiality()), 9);
        Assert.Equal(SignalTiming.Leading, signal.Timing);
        Assert.Equal("no licences sold", signal.Measure(new Financiality { Licences = 0 }, AsOf).MissingReason);
    }

    [Fact]
    public void CountInWindow_FiveSupportCasesInSevenDays_CountsOnlyThePastWeek()
    {
        var account = new Financiality();
        account.CasesOpened.AddRange([Now - Duration.FromDays(8), Now - Duration.FromDays(6), Now - Duration.FromDays(5), Now - Duration.FromDays(3), Now - Duration.FromHours(30), Now, Now + Duration.FromHours(1)]);
        ISignal<Financiality> signal = HealthSignals.CountInWindow<Financiality>(new SignalId("support.cases_7d"), SignalTiming.Lagging, a => a.CasesOpened, Duration.FromDays(7));

        Assert.Equal(5, Measure(signal, account)); // not the one 8 days ago, not the one after the as-of instant
    }

    [Fact]
    public void OldestOpenCaseAge_CountsOpenP1AndP2CasesOnly()
    {
        var account = new Financiality();
        account.Cases.Add(new SupportCase(Now - Duration.FromDays(20), Now - Duration.FromDays(15), 1)); // closed
        account.Cases.Add(new SupportCase(Now - Duration.FromDays(30), null, 3));                        // P3
        account.Cases.Add(new SupportCase(Now - Duration.FromDays(12), Now + Duration.FromDays(1), 2));  // closed later: open now
        ISignal<Financiality> signal = HealthSignals.OldestOpenCaseAge<Financiality>(new SignalId("support.oldest_p1p2_days"), a => a.Cases);

        Assert.Equal(12, Measure(signal, account), 9);
        Assert.Equal(0, Measure(signal, new Financiality()));
    }

    [Fact]
    public void Nps_LatestAndChange_DetractorAfterPromoter()
    {
        var account = new Financiality();
        account.Nps.AddRange([new NpsResponse(Instant.FromUtc(2026, 9, 30, 0, 0), 9), new NpsResponse(Instant.FromUtc(2026, 10, 7, 0, 0), 4), new NpsResponse(Now + Duration.FromDays(1), 10)]);

        Assert.Equal(4, Measure(HealthSignals.NpsLatest<Financiality>(new SignalId("nps.latest"), a => a.Nps), account));
        Assert.Equal(-5, Measure(HealthSignals.NpsChange<Financiality>(new SignalId("nps.change"), a => a.Nps), account));
        Assert.Equal("no NPS response yet", HealthSignals.NpsLatest<Financiality>(new SignalId("nps.latest"), a => a.Nps).Measure(new Financiality(), AsOf).MissingReason);
    }

    [Fact]
    public void DaysPastDue_WorstUnpaidInvoiceAsOfToday()
    {
        var account = new Financiality();
        account.Invoices.AddRange([new Invoice(new LocalDate(2026, 9, 1), new LocalDate(2026, 9, 20)), new Invoice(new LocalDate(2026, 10, 1), null), new Invoice(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30))]);

        Assert.Equal(47, Measure(HealthSignals.DaysPastDue<Financiality>(new SignalId("invoice.days_past_due"), a => a.Invoices), account));
    }

    [Fact]
    public void ContractGrowth_AndSponsorEngagement()
    {
        var account = new Financiality();
        account.SponsorMeetings.Add(Now - Duration.FromDays(45));

        Assert.Equal(0.2, Measure(HealthSignals.ContractGrowth<Financiality>(new SignalId("contract.growth"), a => a.OriginalContract, a => a.CurrentContract), account), 9);
        Assert.Equal(45, Measure(HealthSignals.DaysSinceSponsorMeeting<Financiality>(new SignalId("sponsor.days_since_meeting"), a => a.SponsorMeetings), account), 9);
        Assert.Equal("never met the executive sponsor", HealthSignals.DaysSinceSponsorMeeting<Financiality>(new SignalId("sponsor.days_since_meeting"), a => a.SponsorMeetings).Measure(new Financiality(), AsOf).MissingReason);
        Assert.False(HealthSignals.ContractGrowth<Financiality>(new SignalId("contract.growth"), a => null, a => a.CurrentContract).Measure(account, AsOf).IsPresent);
    }

    [Fact]
    public void Value_NotFinite_IsMissingWithTheGivenReason()
    {
        ISignal<Financiality> signal = HealthSignals.Value<Financiality>(new SignalId("usage.key_feature"), SignalTiming.Leading, _ => double.NaN, "no usage data");
        Assert.Equal("no usage data", signal.Measure(new Financiality(), AsOf).MissingReason);
    }
}
