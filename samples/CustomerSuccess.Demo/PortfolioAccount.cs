namespace CustomerSuccess.Demo;

/// <summary>One customer of a portfolio, with the dimensions revenue is broken down by.</summary>
/// <param name="Id">The account id.</param>
/// <param name="Name">The customer's name.</param>
/// <param name="Segment">The sales segment; in the demo Enterprise, MidMarket, SMB or Legacy (below $10k, no longer sold).</param>
/// <param name="Region">The region; in the demo NA, EMEA, APAC or LATAM.</param>
/// <param name="Industry">The customer's industry.</param>
/// <param name="Csm">The customer-success manager who owns the account.</param>
public sealed record PortfolioAccount(AccountId Id, string Name, string Segment, string Region, string Industry, string Csm);
