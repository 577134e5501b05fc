using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace CustomerSuccess;

/// <summary>Validates <see cref="CustomerSuccessOptions"/>, reporting every bad setting by name at once.</summary>
internal sealed class CustomerSuccessOptionsValidator : IValidateOptions<CustomerSuccessOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerSuccessOptions options)
    {
        var failures = new List<string>(2);
        if (options.ValidateReportingCurrency() is { } currencyProblem)
        {
            failures.Add(currencyProblem);
        }

        if (options.ValidateTimeZone() is { } zoneProblem)
        {
            failures.Add(zoneProblem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
