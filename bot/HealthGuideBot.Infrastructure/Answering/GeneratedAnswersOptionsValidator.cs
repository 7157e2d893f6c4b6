using Microsoft.Extensions.Options;

namespace HealthGuideBot.Infrastructure.Answering;

/// <summary>Refuses an enabled composer without somewhere to send requests, a model and a key; messages never echo the key.</summary>
internal sealed class GeneratedAnswersOptionsValidator : IValidateOptions<GeneratedAnswersOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(30);

    public ValidateOptionsResult Validate(string? name, GeneratedAnswersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        const string prefix = GeneratedAnswersOptions.Section + ":";
        if (options.Endpoint is not { IsAbsoluteUri: true } endpoint)
        {
            errors.Add($"{prefix}Endpoint is required (an absolute https address) when generated answers are enabled.");
        }
        else if (endpoint.Scheme != Uri.UriSchemeHttps && !(endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback))
        {
            errors.Add($"{prefix}Endpoint must be https.");
        }

        if (string.IsNullOrWhiteSpace(options.EffectiveModel))
        {
            errors.Add(options.Provider == GeneratedAnswersProvider.AzureOpenAI
                ? $"{prefix}Deployment is required for Azure OpenAI."
                : $"{prefix}Model is required.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            errors.Add($"{prefix}ApiKey is required when generated answers are enabled.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            errors.Add($"{prefix}Timeout must be more than zero and at most {MaxTimeout.TotalSeconds:0} s.");
        }

        if (options.MinimumConfidence is < 0 or > 1 || double.IsNaN(options.MinimumConfidence))
        {
            errors.Add($"{prefix}MinimumConfidence must be between 0 and 1.");
        }

        if (options.MaxOutputTokens is < 50 or > 4000)
        {
            errors.Add($"{prefix}MaxOutputTokens must be between 50 and 4000.");
        }

        if (options.UserRequests < 1 || options.GlobalRequests < 1 || options.UserPeriod <= TimeSpan.Zero || options.GlobalPeriod <= TimeSpan.Zero)
        {
            errors.Add($"{prefix}UserRequests, GlobalRequests, UserPeriod and GlobalPeriod must all be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
