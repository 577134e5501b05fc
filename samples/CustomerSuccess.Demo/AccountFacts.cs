using System.Collections.Generic;
using CustomerSuccess.HealthScoring;
using NodaTime;

namespace CustomerSuccess.Demo;

/// <summary>What the demo vendor knows about one account's health (seed 002's health factors and seed 001's essential behaviour) as of one day.</summary>
/// <param name="Account">The account.</param>
/// <param name="ActiveUsers">Users active in the last 30 days.</param>
/// <param name="Licences">Licences sold.</param>
/// <param name="SupportCases">Support cases of the last 90 days.</param>
/// <param name="Nps">NPS answers.</param>
/// <param name="Invoices">Invoices of the last 120 days.</param>
/// <param name="SponsorMeetings">Meetings with the executive sponsor.</param>
/// <param name="EssentialWeeks">
/// Weeks of the last eight in which the customer ran its essential process through the product: seed 001's essential
/// behaviour, the one thing the most successful customers do that the others do not.
/// </param>
public sealed record AccountFacts(
    AccountId Account,
    int ActiveUsers,
    int Licences,
    IReadOnlyList<SupportCase> SupportCases,
    IReadOnlyList<NpsResponse> Nps,
    IReadOnlyList<Invoice> Invoices,
    IReadOnlyList<Instant> SponsorMeetings,
    int EssentialWeeks);
