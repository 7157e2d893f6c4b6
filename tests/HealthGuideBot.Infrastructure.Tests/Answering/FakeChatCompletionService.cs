using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace HealthGuideBot.Infrastructure.Tests.Answering;

/// <summary>A chat model stand-in: records every request and answers from a script (text, a hang, or an exception).</summary>
internal sealed class FakeChatCompletionService : IChatCompletionService
{
    private readonly Func<ChatHistory, CancellationToken, Task<ChatMessageContent>> _script;

    private FakeChatCompletionService(Func<ChatHistory, CancellationToken, Task<ChatMessageContent>> script) => _script = script;

    public List<ChatHistory> Requests { get; } = [];

    public List<PromptExecutionSettings?> Settings { get; } = [];

    public List<Kernel?> Kernels { get; } = [];

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

    public ChatHistory LastRequest => Requests[^1];

    public string LastSystemMessage => LastRequest.Single(message => message.Role == AuthorRole.System).Content!;

    public string LastUserMessage => LastRequest.Single(message => message.Role == AuthorRole.User).Content!;

    public static FakeChatCompletionService Replying(string content) =>
        new((_, _) => Task.FromResult(new ChatMessageContent(AuthorRole.Assistant, content)));

    public static FakeChatCompletionService Replying(ChatMessageContent content) => new((_, _) => Task.FromResult(content));

    /// <summary>Never answers; completes only when its token is cancelled.</summary>
    public static FakeChatCompletionService Hanging() => new(async (_, cancellationToken) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("unreachable");
    });

    public static FakeChatCompletionService Throwing(Exception exception) => new((_, _) => Task.FromException<ChatMessageContent>(exception));

    public async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        Requests.Add(chatHistory);
        Settings.Add(executionSettings);
        Kernels.Add(kernel);
        return [await _script(chatHistory, cancellationToken)];
    }

    public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The composer never streams.");
}
