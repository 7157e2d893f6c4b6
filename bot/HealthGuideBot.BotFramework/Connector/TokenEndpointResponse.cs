using System.Text.Json.Serialization;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// The JSON of an OAuth token response, from Entra (<c>expires_in</c> a number) or a managed identity endpoint
/// (<c>expires_in</c>/<c>expires_on</c> as strings of seconds), or an OAuth error response.
/// </summary>
internal sealed record TokenEndpointResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("expires_on")]
    public long? ExpiresOn { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
