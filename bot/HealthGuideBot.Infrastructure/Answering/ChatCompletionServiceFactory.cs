using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace HealthGuideBot.Infrastructure.Answering;

/// <summary>Creates the real chat service from validated options. Nothing is sent until the first question.</summary>
internal static class ChatCompletionServiceFactory
{
    private const string AzureOpenAIV1Path = "openai/v1/";

    public static IChatCompletionService Create(GeneratedAnswersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoint is null || string.IsNullOrWhiteSpace(options.ApiKey) || string.IsNullOrWhiteSpace(options.EffectiveModel))
        {
            throw new InvalidOperationException($"{GeneratedAnswersOptions.Section} is enabled but incomplete.");
        }

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = EndpointFor(options),
            // The composer's own timeout cancels first; a retry would only spend the budget twice.
            NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(1),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        var client = new OpenAIClient(new ApiKeyCredential(options.ApiKey), clientOptions);

        // No logger factory: Semantic Kernel's connector logs the whole chat history at Trace level, and the chat
        // holds the question. The composer logs outcomes and durations itself.
        return new OpenAIChatCompletionService(options.EffectiveModel, client, NullLoggerFactory.Instance);
    }

    internal static Uri EndpointFor(GeneratedAnswersOptions options)
    {
        var endpoint = options.Endpoint!;
        if (options.Provider != GeneratedAnswersProvider.AzureOpenAI || endpoint.AbsolutePath.Contains("/openai/", StringComparison.OrdinalIgnoreCase))
        {
            return endpoint;
        }

        var root = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        return new Uri(root, AzureOpenAIV1Path);
    }
}
