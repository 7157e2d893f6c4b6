using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>Refuses connector settings that would disable safety limits by accident, with one message naming each.</summary>
internal sealed class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.TenantSendsPerSecond < 0)
        {
            errors.Add($"{ConnectorOptions.SectionName}:TenantSendsPerSecond must be 0 (off) or positive.");
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            errors.Add($"{ConnectorOptions.SectionName}:MaxAttempts must be between 1 and 20.");
        }

        if (options.MaxTotalRetryDelay < TimeSpan.Zero || options.MaxTotalRetryDelay > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{ConnectorOptions.SectionName}:MaxTotalRetryDelay must be between 0 and 10 minutes.");
        }

        if (options.BaseRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.BaseRetryDelay)
        {
            errors.Add($"{ConnectorOptions.SectionName}:BaseRetryDelay must be positive and no greater than MaxRetryDelay.");
        }

        if (options.MaxActivityBytes is < 1024 or > 1024 * 1024)
        {
            errors.Add($"{ConnectorOptions.SectionName}:MaxActivityBytes must be between 1 KB and 1 MB.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{ConnectorOptions.SectionName}:RequestTimeout must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
