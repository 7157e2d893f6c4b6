using System.Net;
using HealthGuideBot.BotFramework.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// UserAssignedMSI: a token for resource <c>https://api.botframework.com</c> from the host's managed identity
/// endpoint, for the identity whose client id is the bot's app id. No secret is configured (security.md test 50).
/// <list type="bullet">
/// <item>Instance Metadata Service (default, or <see cref="BotFrameworkOptions.ManagedIdentityEndpoint"/>):
/// <c>GET …/metadata/identity/oauth2/token?api-version=2018-02-01&amp;resource=…&amp;client_id=…</c> with
/// <c>Metadata: true</c>.</item>
/// <item>App Service (<c>IDENTITY_ENDPOINT</c>/<c>IDENTITY_HEADER</c>): <c>api-version=2019-08-01</c> with the
/// <c>X-IDENTITY-HEADER</c> header.</item>
/// </list>
/// </summary>
internal sealed class ManagedIdentityTokenSource : IBotTokenSource
{
    public const string HttpClientName = "HealthGuideBot.BotFramework.ManagedIdentity";

    private const string SettingsHint =
        "that a user-assigned managed identity whose client id is MicrosoftAppId is assigned to this host";

    private readonly HttpClient _http;
    private readonly IOptionsMonitor<BotFrameworkOptions> _options;
    private readonly TimeProvider _time;
    private readonly ManagedIdentityEnvironment _environment;

    public ManagedIdentityTokenSource(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<BotFrameworkOptions> options,
        TimeProvider time,
        ManagedIdentityEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _http = httpClientFactory.CreateClient(HttpClientName);
        _options = options;
        _time = time;
        _environment = environment;
    }

    public async Task<BotToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        BotFrameworkOptions options = _options.CurrentValue;
        if (string.IsNullOrEmpty(options.AppId))
        {
            throw new BotTokenException(
                "UserAssignedMSI needs MicrosoftAppId: the client id of the bot's user-assigned managed identity.",
                isTransient: false,
                errorCode: null);
        }

        string query = string.Concat(
            "?api-version=",
            options.ManagedIdentityEndpoint is null && _environment.AppServiceEndpoint is not null ? "2019-08-01" : "2018-02-01",
            "&resource=",
            Uri.EscapeDataString(BotCloudEndpoints.ConnectorResource(options.Cloud)),
            "&client_id=",
            Uri.EscapeDataString(options.AppId));

        HttpRequestMessage request;
        if (options.ManagedIdentityEndpoint is null && _environment.AppServiceEndpoint is Uri appService)
        {
            request = new HttpRequestMessage(HttpMethod.Get, new Uri(appService.GetLeftPart(UriPartial.Path) + query));
            request.Headers.TryAddWithoutValidation("X-IDENTITY-HEADER", _environment.AppServiceHeader);
        }
        else
        {
            Uri imds = options.ManagedIdentityEndpoint ?? BotCloudEndpoints.ImdsTokenEndpoint;
            request = new HttpRequestMessage(HttpMethod.Get, new Uri(imds.GetLeftPart(UriPartial.Path) + query));
            request.Headers.TryAddWithoutValidation("Metadata", "true");
        }

        try
        {
            using (request)
            {
                using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken);

                // IMDS answers 404 while an identity is being assigned and 410 while it is being updated.
                return await TokenEndpointReader.ReadAsync(
                    response,
                    _time,
                    "managed identity endpoint",
                    SettingsHint,
                    static status => status is HttpStatusCode.NotFound or HttpStatusCode.Gone,
                    cancellationToken);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new BotTokenException(
                "The managed identity endpoint could not be reached; nothing was sent, try again later.", isTransient: true, errorCode: null, ex);
        }
    }
}
