using Microsoft.Extensions.Options;

namespace CustomerSuccess.Revenue;

/// <summary>Validates <see cref="MrrOptions"/> at start with the same checks a history builder makes, listing every bad setting.</summary>
internal sealed class MrrOptionsValidator : IValidateOptions<MrrOptions>
{
    public ValidateOptionsResult Validate(string? name, MrrOptions options)
    {
        try
        {
            options.Snapshot();
            return ValidateOptionsResult.Success;
        }
        catch (CustomerSuccessValidationException e)
        {
            return ValidateOptionsResult.Fail(e.Problems);
        }
    }
}
