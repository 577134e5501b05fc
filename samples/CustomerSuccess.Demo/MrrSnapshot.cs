using NodaTime;

namespace CustomerSuccess.Demo;

/// <summary>An account's monthly recurring revenue in one month, in the account's billing currency.</summary>
/// <param name="Account">The account.</param>
/// <param name="Month">The month.</param>
/// <param name="Mrr">The MRR; positive (months without revenue have no snapshot).</param>
public sealed record MrrSnapshot(AccountId Account, YearMonth Month, Money Mrr);
