using System.Net;
using HealthGuideBot.BotFramework.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>
/// Refuses unsafe or incoherent <see cref="BotFrameworkOptions"/> at start-up, naming every problem and its fix in one
/// message (security.md §1.3 "Controls", tests A22 and A23; STYLE.md §2.5).
/// </summary>
internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    private static readonly string[] PublicCloudHosts =
        ["login.botframework.com", "login.microsoftonline.com", "api.botframework.com"];

    private static readonly string[] GovernmentCloudHosts =
        ["login.botframework.azure.us", "login.microsoftonline.us", "api.botframework.us", "api.botframework.azure.us"];

    private readonly IHostEnvironment environment;

    public BotFrameworkOptionsValidator(IHostEnvironment environment)
    {
        this.environment = environment;
    }

    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var hasAppId = !string.IsNullOrWhiteSpace(options.AppId);
        var development = environment.IsDevelopment();

        if (options.DangerouslyAllowUnauthenticatedLoopbackRequests)
        {
            if (!development)
            {
                errors.Add(
                    $"DangerouslyAllowUnauthenticatedLoopbackRequests is set in the '{environment.EnvironmentName}' " +
                    "environment. It turns authentication off and is allowed only in Development; remove it.");
            }

            if (hasAppId)
            {
                errors.Add(
                    "DangerouslyAllowUnauthenticatedLoopbackRequests is set together with MicrosoftAppId. " +
                    "Remove the flag to authenticate requests, or remove MicrosoftAppId for local development.");
            }
        }
        else if (!hasAppId)
        {
            errors.Add(
                "MicrosoftAppId is not set, so inbound requests cannot be authenticated. Set MicrosoftAppId, " +
                "MicrosoftAppType, MicrosoftAppTenantId (and MicrosoftAppPassword for SingleTenant) from the Azure Bot " +
                "registration; or, for local development only, set DangerouslyAllowUnauthenticatedLoopbackRequests " +
                "to true in appsettings.Development.json.");
        }

        if (options.AllowInsecureLoopbackServiceUrls && !development)
        {
            errors.Add(
                $"AllowInsecureLoopbackServiceUrls is set in the '{environment.EnvironmentName}' environment. " +
                "It exists for tests against a local fake connector and is allowed only in Development; remove it.");
        }

        if (hasAppId)
        {
            ValidateCredentials(options, errors);
        }

        if (!options.IsAuthenticationDisabled)
        {
            ValidateGuidList(options.AllowedTenantIds, "AllowedTenantIds", required: true, errors);
        }

        ValidateGuidList(options.AllowedCallers, "AllowedCallers", required: false, errors);

        foreach (var pattern in options.AllowedServiceUrlHosts)
        {
            if (!ServiceUrlAllowList.IsValidPattern(pattern))
            {
                errors.Add(
                    $"AllowedServiceUrlHosts entry '{pattern}' is not a host name or '*.suffix' pattern " +
                    "(for example 'smba.trafficmanager.net' or '*.botframework.com'; no scheme, port or path).");
            }
        }

        ValidateCloudUrls(options, errors);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// With unauthenticated development mode on, every URL the server listens on must be loopback (127.0.0.0/8,
    /// [::1], localhost, or a Unix socket / named pipe). <c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c> or a LAN
    /// address would let anyone on the network act as any user.
    /// </summary>
    /// <exception cref="InvalidOperationException">A URL is not loopback.</exception>
    internal static void EnsureLoopbackOnly(IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var offending = urls.Where(static url => !IsLoopbackBinding(url)).ToList();
        if (offending.Count > 0)
        {
            throw new InvalidOperationException(
                "DangerouslyAllowUnauthenticatedLoopbackRequests is on, so the server may listen on loopback only, but " +
                $"it is configured to listen on: {string.Join(", ", offending)}. Use http://127.0.0.1:<port> or " +
                "http://localhost:<port> (ASPNETCORE_URLS / --urls / Kestrel:Endpoints), or turn the flag off.");
        }
    }

    private static bool IsLoopbackBinding(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        if (address.IsUnixPipe || address.IsNamedPipe)
        {
            return true;
        }

        var host = address.Host;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    private static void ValidateCredentials(BotFrameworkOptions options, List<string> errors)
    {
        if (!Guid.TryParse(options.AppId, out _))
        {
            errors.Add("MicrosoftAppId must be the bot's Entra application (client) id, a GUID.");
        }

        var hasTenant = !string.IsNullOrWhiteSpace(options.AppTenantId);
        if (hasTenant && !Guid.TryParse(options.AppTenantId, out _))
        {
            errors.Add("MicrosoftAppTenantId must be the school's Entra tenant id, a GUID (not a domain name).");
        }

        var hasPassword = !string.IsNullOrEmpty(options.AppPassword);
        switch (options.AppType)
        {
            case BotAppType.SingleTenant:
                if (!hasPassword)
                {
                    errors.Add("MicrosoftAppType SingleTenant needs MicrosoftAppPassword (the client secret).");
                }

                if (!hasTenant)
                {
                    errors.Add("MicrosoftAppType SingleTenant needs MicrosoftAppTenantId (the school's tenant id).");
                }

                break;
            case BotAppType.UserAssignedMSI:
                if (!hasTenant)
                {
                    errors.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppTenantId (the school's tenant id).");
                }

                if (hasPassword)
                {
                    errors.Add("MicrosoftAppType UserAssignedMSI must not have MicrosoftAppPassword; remove the secret.");
                }

                break;
            default:
                errors.Add($"MicrosoftAppType '{options.AppType}' is not supported; use SingleTenant or UserAssignedMSI.");
                break;
        }
    }

    private static void ValidateGuidList(IList<string> values, string name, bool required, List<string> errors)
    {
        if (required && values.Count == 0)
        {
            errors.Add($"{name} is empty: list the Entra tenant id (GUID) of every school whose users may use the bot.");
        }

        foreach (var value in values)
        {
            if (!Guid.TryParse(value, out _))
            {
                errors.Add($"{name} entry '{value}' is not a GUID.");
            }
        }
    }

    private static void ValidateCloudUrls(BotFrameworkOptions options, List<string> errors)
    {
        var government = options.Cloud == BotCloud.Government;
        var otherCloudHosts = government ? PublicCloudHosts : GovernmentCloudHosts;
        var overrides = new (string Name, Uri? Url)[]
        {
            (nameof(BotFrameworkOptions.BotFrameworkOpenIdMetadataUrl), options.BotFrameworkOpenIdMetadataUrl),
            (nameof(BotFrameworkOptions.EntraOpenIdMetadataUrl), options.EntraOpenIdMetadataUrl),
            (nameof(BotFrameworkOptions.TokenAuthority), options.TokenAuthority),
        };

        foreach (var (name, url) in overrides)
        {
            if (url is null)
            {
                continue;
            }

            if (!url.IsAbsoluteUri)
            {
                errors.Add($"{name} must be an absolute URL.");
                continue;
            }

            if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            {
                errors.Add($"{name} must use https (http is accepted for loopback test servers only).");
            }

            if (otherCloudHosts.Contains(url.IdnHost, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(
                    $"{name} points at {url.IdnHost}, which belongs to the other cloud than Cloud = {options.Cloud}. " +
                    "Fix Cloud or remove the override.");
            }
        }
    }
}
