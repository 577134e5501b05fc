using System.Linq;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.Behaviors;

/// <summary>Validates every registered rule set at start; messages name the rule set, the rule's position and id.</summary>
internal sealed class BehaviorRuleSetOptionsValidator(BehaviorRuleSetRegistry registry) : IValidateOptions<BehaviorRuleSetOptions>
{
    public ValidateOptionsResult Validate(string? name, BehaviorRuleSetOptions options)
    {
        name ??= Options.DefaultName;
        if (!registry.Names.Contains(name))
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            options.ToRuleSet(name);
            return ValidateOptionsResult.Success;
        }
        catch (CustomerSuccessValidationException e)
        {
            return ValidateOptionsResult.Fail(e.Problems);
        }
    }
}
