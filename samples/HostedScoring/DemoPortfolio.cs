using System.Collections.Generic;
using System.Linq;
using CustomerSuccess;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using AccountFacts = CustomerSuccess.Demo.AccountFacts;

namespace HostedScoring;

/// <summary>The demo vendor's accounts with their health facts, events and facts for the rules: what the worker scores.</summary>
/// <param name="Accounts">The paying accounts.</param>
/// <param name="Facts">Their health facts.</param>
/// <param name="Behaviors">Their events and rule facts.</param>
public sealed record DemoPortfolio(IReadOnlyList<PortfolioAccount> Accounts, IReadOnlyDictionary<AccountId, AccountFacts> Facts, BehaviorEvaluator Behaviors)
{
    /// <summary>Generates the built-in demo data.</summary>
    /// <returns>The portfolio.</returns>
    public static DemoPortfolio Load()
    {
        Portfolio portfolio = WingtipDemo.Generate();
        IReadOnlyDictionary<AccountId, AccountFacts> facts = DemoFacts.Generate(portfolio);
        BehaviorEvaluator evaluator = DemoEvents.CreateEvaluator(portfolio, facts);
        return new DemoPortfolio(portfolio.Accounts.Where(a => facts.ContainsKey(a.Id)).ToArray(), facts, evaluator);
    }
}
