namespace CustomerSuccess.Demo;

/// <summary>The demo customer-success team's rule set (seed 002's Mary and her colleagues), in the text form.</summary>
public static class DemoRules
{
    /// <summary>The rules, as docs/behaviors.md writes them.</summary>
    public const string Text = """
        # The demo customer-success team's alerts (docs/behaviors.md explains the language).

        rule support_case_spike risk danger cooldown 7d message "{account} opened 5 or more support cases in 7 days"
          when count(support_case_opened, last 7d) >= 5

        rule usage_drop risk warning cooldown 30d message "{account}: logins down 25% or more, month over month"
          when change(count(login, last 30d), last 30d offset 30d) <= -25%

        rule gone_quiet risk danger cooldown 30d message "{account}: nobody logged in for 14 days"
          when stopped(login, last 14d, last 30d offset 14d)

        rule overdue_with_open_p1 risk danger cooldown 14d
          when fact(oldest_open_p1_p2_case_days) > 10 and fact(days_past_due) > 30

        rule detractor risk warning cooldown 90d message "{account}: latest NPS answer is a detractor's"
          when last_value(nps_response, last 30d) <= 6

        rule licences_active opportunity info cooldown 30d message "{account}: more than 80% of licences active"
          when ratio(fact(active_users), fact(licences)) > 80% and every(key_feature_use, 4 weeks)

        """;
}
