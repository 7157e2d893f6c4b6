using Azure.Core;
using Microsoft.Kiota.Abstractions.Authentication;

namespace HealthGuideBot.Infrastructure.Filing.Graph;

/// <summary>
/// Bearer tokens from an Azure.Identity credential, attached only to requests for the configured Graph host (never
/// to an upload session's pre-authenticated URL or any other host).
/// </summary>
internal sealed class TokenCredentialAccessTokenProvider : IAccessTokenProvider
{
    private readonly TokenCredential _credential;
    private readonly string[] _scopes;

    public TokenCredentialAccessTokenProvider(TokenCredential credential, Uri graphBaseUrl)
    {
        _credential = credential;
        _scopes = [$"{graphBaseUrl.Scheme}://{graphBaseUrl.Authority}/.default"];
        AllowedHostsValidator = new AllowedHostsValidator([graphBaseUrl.Host]);
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!AllowedHostsValidator.IsUrlHostValid(uri))
        {
            return string.Empty;
        }

        var token = await _credential.GetTokenAsync(new TokenRequestContext(_scopes), cancellationToken);
        return token.Token;
    }
}
