using System.Net.Http.Json;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>A token-less connector client for unauthenticated development mode (replaced by the real client).</summary>
internal sealed class InterimConnectorClient(IHttpClientFactory clients, IOptions<BotFrameworkOptions> options) : IConnectorClient
{
    public const string HttpClientName = "BotConnector";

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        PostAsync(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", activity, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        PostAsync(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", activity, cancellationToken);

    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        using var response = await Client(serviceUrl).PutAsJsonAsync($"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", activity, BotFrameworkJsonContext.Default.Activity, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        using var response = await Client(serviceUrl).DeleteAsync($"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        using var response = await Client(serviceUrl).PostAsJsonAsync("v3/conversations", parameters, BotFrameworkJsonContext.Default.ConversationParameters, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(BotFrameworkJsonContext.Default.ConversationResourceResponse, cancellationToken) ?? new ConversationResourceResponse();
    }

    private async Task<ResourceResponse> PostAsync(string serviceUrl, string path, Activity activity, CancellationToken cancellationToken)
    {
        using var response = await Client(serviceUrl).PostAsJsonAsync(path, activity, BotFrameworkJsonContext.Default.Activity, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private static async Task<ResourceResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException(response.StatusCode, null, $"The connector answered {(int)response.StatusCode}.");
        }

        return response.Content.Headers.ContentLength is 0 ? new ResourceResponse()
            : await response.Content.ReadFromJsonAsync(BotFrameworkJsonContext.Default.ResourceResponse, cancellationToken) ?? new ResourceResponse();
    }

    private HttpClient Client(string serviceUrl)
    {
        if (!Authentication.ServiceUrlAllowList.IsAllowed(serviceUrl, options.Value))
        {
            throw new ConnectorException(System.Net.HttpStatusCode.Forbidden, "HostNotAllowed", "The serviceUrl host is not on the allow-list.");
        }

        var client = clients.CreateClient(HttpClientName);
        client.BaseAddress = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/");
        return client;
    }
}
