using System.Collections.Generic;
using System.Globalization;
using CustomerSuccess.Behaviors;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.Orleans;

/// <summary>Checks the options when the silo starts, so that a bad rule set stops the silo and not the first event.</summary>
internal sealed class CustomerSuccessClusterOptionsValidator : IValidateOptions<CustomerSuccessClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerSuccessClusterOptions options)
    {
        var problems = new List<string>();
        try
        {
            RuleSet.Parse(options.Rules ?? string.Empty);
        }
        catch (BehaviorSyntaxException e)
        {
            problems.Add($"CustomerSuccessClusterOptions.Rules: {e.Message}");
        }

        if (options.AlertStreamPartitions is < 1 or > 4096)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"CustomerSuccessClusterOptions.AlertStreamPartitions is {options.AlertStreamPartitions}; use 1 to 4,096."));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
