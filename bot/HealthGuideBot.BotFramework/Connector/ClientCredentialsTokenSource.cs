using System.Net;
using HealthGuideBot.BotFramework.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// SingleTenant: the OAuth client-credentials grant at <c>{authority}/{tenantId}/oauth2/v2.0/token</c> with scope
/// <c>https://api.botframework.com/.default</c> (Gov: <c>login.microsoftonline.us</c>, <c>api.botframework.us</c>).
/// Settings are read on every request, so a rotated secret is used from the next refresh without a restart.
/// </summary>
internal sealed class ClientCredentialsTokenSource : IBotTokenSource
{
    public const string HttpClientName = "HealthGuideBot.BotFramework.Token";

    private const string SettingsHint = "MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId (SingleTenant)";

    private readonly HttpClient _http;
    private readonly IOptionsMonitor<BotFrameworkOptions> _options;
    private readonly TimeProvider _time;

    public ClientCredentialsTokenSource(IHttpClientFactory httpClientFactory, IOptionsMonitor<BotFrameworkOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _http = httpClientFactory.CreateClient(HttpClientName);
        _options = options;
        _time = time;
    }

    public async Task<BotToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        BotFrameworkOptions options = _options.CurrentValue;
        if (string.IsNullOrEmpty(options.AppId) || string.IsNullOrEmpty(options.AppPassword) || string.IsNullOrEmpty(options.AppTenantId))
        {
            throw new BotTokenException($"The bot's credentials are incomplete. Set {SettingsHint}.", isTransient: false, errorCode: null);
        }

        Uri authority = options.TokenAuthority ?? BotCloudEndpoints.LoginAuthority(options.Cloud);
        var endpoint = new Uri(
            string.Concat(authority.AbsoluteUri.TrimEnd('/'), "/", Uri.EscapeDataString(options.AppTenantId), "/oauth2/v2.0/token"));

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", options.AppId),
                new("client_secret", options.AppPassword),
                new("scope", BotCloudEndpoints.ConnectorScope(options.Cloud)),
            ]),
        };

        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken);
            return await TokenEndpointReader.ReadAsync(response, _time, "Entra token endpoint", SettingsHint, static _ => false, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new BotTokenException(
                "The Entra token endpoint could not be reached; nothing was sent, try again later.", isTransient: true, errorCode: null, ex);
        }
    }
}
