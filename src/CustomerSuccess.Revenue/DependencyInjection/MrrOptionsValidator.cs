using System;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.Revenue;

/// <summary>Validates <see cref="MrrOptions"/> at start with the same checks a history builder makes, naming the setting.</summary>
internal sealed class MrrOptionsValidator : IValidateOptions<MrrOptions>
{
    public ValidateOptionsResult Validate(string? name, MrrOptions options)
    {
        try
        {
            options.Snapshot();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
