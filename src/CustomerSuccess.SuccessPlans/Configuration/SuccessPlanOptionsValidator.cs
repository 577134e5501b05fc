using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.SuccessPlans;

/// <summary>Validates <see cref="SuccessPlanOptions"/> at start, naming the setting at fault.</summary>
internal sealed class SuccessPlanOptionsValidator : IValidateOptions<SuccessPlanOptions>
{
    public ValidateOptionsResult Validate(string? name, SuccessPlanOptions options)
    {
        var failures = new List<string>();
        if (options.OnboardingSlaDays is < 1 or > 3650)
        {
            failures.Add($"{nameof(SuccessPlanOptions)}.{nameof(SuccessPlanOptions.OnboardingSlaDays)} must be 1 to 3650 days, not {options.OnboardingSlaDays}.");
        }

        if (options.KickoffWithinDays is < 0 or > 365)
        {
            failures.Add($"{nameof(SuccessPlanOptions)}.{nameof(SuccessPlanOptions.KickoffWithinDays)} must be 0 to 365 days, not {options.KickoffWithinDays}.");
        }

        if (options.KickoffToGoLiveDays is < 1 or > 3650)
        {
            failures.Add($"{nameof(SuccessPlanOptions)}.{nameof(SuccessPlanOptions.KickoffToGoLiveDays)} must be 1 to 3650 days, not {options.KickoffToGoLiveDays}.");
        }

        if (!(options.AtRiskFrom is >= 0 and <= 1))
        {
            failures.Add($"{nameof(SuccessPlanOptions)}.{nameof(SuccessPlanOptions.AtRiskFrom)} must be a fraction from 0 to 1, not {options.AtRiskFrom}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
