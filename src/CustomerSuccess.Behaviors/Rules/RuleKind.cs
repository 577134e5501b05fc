namespace CustomerSuccess.Behaviors;

/// <summary>What a rule's alert asks the customer-success team to do.</summary>
public enum RuleKind
{
    /// <summary>A risk to the account's renewal or health, such as "5 support cases in 7 days" or "usage down 25%".</summary>
    Risk = 1,

    /// <summary>An opening to grow the account, such as "more than 80% of licences active".</summary>
    Opportunity = 2,

    /// <summary>A moment to act automatically, such as a tips email to new users who viewed fewer than 3 pages in their first 7 days.</summary>
    Trigger = 3,
}
