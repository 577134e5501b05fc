namespace CustomerSuccess.Behaviors;

/// <summary>
/// What makes two alerts the same alert: the rule, the account and an optional key (the user, for per-user rules). A caller
/// updates an open alert with the same identity rather than opening a duplicate.
/// </summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Account">The account.</param>
/// <param name="Key">The user for per-user rules; otherwise <see langword="null"/>.</param>
public readonly record struct AlertIdentity(string RuleId, AccountId Account, string? Key)
{
    /// <summary>Returns "rule/account" or "rule/account/key".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Key is null ? $"{RuleId}/{Account}" : $"{RuleId}/{Account}/{Key}";
}
