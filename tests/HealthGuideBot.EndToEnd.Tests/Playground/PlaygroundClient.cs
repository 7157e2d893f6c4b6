using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HealthGuideBot.EndToEnd.Tests.Playground;

/// <summary>
/// Drives the Playground through its backend API, as its web UI does, and watches what it shows: every chat message
/// (conversation websocket) and every activity it delivers to the bot or call it accepts from the bot (log websocket).
/// All waits are bounded and wake on a signal; none sleeps.
/// Acts in the personal chat as the Playground's current user. Actions are meant to be taken one at a time:
/// <see cref="WaitForMessageAsync"/> looks at what arrived after the latest action.
/// </summary>
public sealed class PlaygroundClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http;
    private readonly EventStream<ChatMessage> _messages;
    private readonly EventStream<PlaygroundLogEntry> _log;
    private Mark _lastAction;

    private PlaygroundClient(HttpClient http, PlaygroundConfig config, EventStream<ChatMessage> messages, EventStream<PlaygroundLogEntry> log)
    {
        _http = http;
        Config = config;
        _messages = messages;
        _log = log;
    }

    public PlaygroundConfig Config { get; }

    public string ChatId => Config.PersonalChatId;

    /// <summary>The mocked Bot Connector the bot must call: the <c>serviceUrl</c> of every activity.</summary>
    public Uri ServiceUrl => new(_http.BaseAddress!, "_connector"); // non-null: set in ConnectAsync

    /// <summary>Everything the Playground has shown or logged so far (for failure reports).</summary>
    public IReadOnlyList<ChatMessage> Messages => _messages.Snapshot();

    public IReadOnlyList<PlaygroundLogEntry> Log => _log.Snapshot();

    /// <summary>Where the streams stand now: a later wait can look only at what came after.</summary>
    public Mark Now => new(_messages.Count, _log.Count);

    /// <summary>
    /// Reads the mocked tenant and opens both websockets before any activity flows. The Playground buffers stream
    /// events until a first client connects, so nothing is missed.
    /// </summary>
    public static async Task<PlaygroundClient> ConnectAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var config = PlaygroundConfig.Parse(
                await http.GetFromJsonAsync<JsonElement>("_internal/v1/testConfig", cancellationToken));
            var messages = await EventStream<ChatMessage>.OpenAsync(
                WebSocketUri(baseAddress, "_ws_conversation/v1/conversations/stream"), ChatMessage.Parse, cancellationToken);
            var log = await EventStream<PlaygroundLogEntry>.OpenAsync(
                WebSocketUri(baseAddress, "_ws/log/stream"), PlaygroundLogEntry.Parse, cancellationToken);
            return new PlaygroundClient(http, config, messages, log);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the personal chat the way Teams does on first install: <c>POST /_debug/conversation/{id}/installation</c>
    /// makes the Playground send the bot <c>installationUpdate</c> (add) and <c>conversationUpdate</c> (members added).
    /// </summary>
    public Task OpenChatAsync(CancellationToken cancellationToken) =>
        PostAsync($"_debug/conversation/{Uri.EscapeDataString(ChatId)}/installation", new JsonObject(), cancellationToken);

    /// <summary>The user types <paramref name="text"/> (<c>POST /_conversation/v1/conversations/{id}/messages</c>); returns its message id.</summary>
    public async Task<string> SendMessageAsync(string text, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = Config.UserId },
            ["text"] = text,
            ["textFormat"] = "plain",
        };
        using var response = await PostAsync(
            $"_conversation/v1/conversations/{Uri.EscapeDataString(ChatId)}/messages", body, cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return answer.GetProperty("messageId").GetString() ?? "";
    }

    /// <summary>
    /// The user presses an Action.Submit button on the card in message <paramref name="cardMessageId"/>
    /// (<c>POST /_conversation/v1/submit</c>): the bot gets a <c>message</c> whose <c>value</c> is <paramref name="value"/>
    /// (the action's data merged with the card's inputs) and whose <c>replyToId</c> is the card's message id.
    /// </summary>
    public Task SubmitAsync(string cardMessageId, JsonNode value, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = ChatId },
            ["from"] = new JsonObject { ["id"] = Config.UserId },
            ["replyToId"] = cardMessageId,
            ["value"] = value.DeepClone(),
        };
        return PostAndDisposeAsync("_conversation/v1/submit", body, cancellationToken);
    }

    /// <summary>
    /// The user presses an Action.Execute button (<c>POST /_conversation/v1/invoke</c>, <c>adaptiveCard/action</c>).
    /// The Playground sends the bot an invoke with <c>value.action = {type, title, verb, data}</c> (no <c>trigger</c>),
    /// replaces the stored card with the card in the bot's answer, and answers <c>{type, value}</c>.
    /// </summary>
    public async Task<InvokeAnswer> ExecuteAsync(string cardMessageId, CardAction action, CancellationToken cancellationToken)
    {
        var invokeAction = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = action.Title,
            ["verb"] = action.Verb,
            ["data"] = action.Data.DeepClone(),
        };
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = ChatId },
            ["from"] = new JsonObject { ["id"] = Config.UserId },
            ["replyToId"] = cardMessageId,
            ["value"] = new JsonObject { ["action"] = invokeAction },
        };
        _lastAction = Now;
        using var response = await _http.PostAsJsonAsync("_conversation/v1/invoke", body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new InvokeAnswer(response.StatusCode, text);
    }

    /// <summary>
    /// Sends a mock event built from the Playground's own template (<c>GET /_internal/v1/customActivities/template</c>,
    /// types such as install, uninstall, botAdded, userAdded), optionally edited, via <c>POST /_internal/v1/customActivities</c>.
    /// </summary>
    public async Task SendCustomActivityAsync(string templateType, Action<JsonObject>? edit, CancellationToken cancellationToken)
    {
        var template = await _http.GetFromJsonAsync<JsonObject>(
            $"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(ChatId)}&type={Uri.EscapeDataString(templateType)}",
            cancellationToken) ?? throw new InvalidOperationException($"The Playground has no '{templateType}' template.");
        edit?.Invoke(template);
        await PostAndDisposeAsync("_internal/v1/customActivities", template, cancellationToken);
    }

    /// <summary>Marks "now" as the latest action, for activities the test causes by other means (a proactive message).</summary>
    public void StartAction() => _lastAction = Now;

    /// <summary>
    /// Waits for a chat message from the bot, after the latest action, that matches <paramref name="predicate"/>.
    /// Fails with the messages that did arrive when none matches within <paramref name="timeout"/>.
    /// </summary>
    public Task<ChatMessage> WaitForMessageAsync(
        Func<ChatMessage, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForMessageAsync(predicate, _lastAction, timeout, cancellationToken);

    public Task<ChatMessage> WaitForMessageAsync(
        Func<ChatMessage, bool> predicate, Mark after, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _messages.WaitAsync(
            m => m.FromId == Config.BotId && m.ConversationId == ChatId && predicate(m),
            after.Messages, timeout, "bot message matching the test's condition", cancellationToken);

    /// <summary>Waits until the bot has answered (HTTP) the next activity of <paramref name="activityType"/> delivered after the latest action.</summary>
    public Task<PlaygroundLogEntry> WaitForBotAnswerAsync(string activityType, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForBotAnswerAsync(activityType, _lastAction, timeout, cancellationToken);

    public Task<PlaygroundLogEntry> WaitForBotAnswerAsync(
        string activityType, Mark after, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _log.WaitAsync(
            e => e.IsToBot && e.ActivityName == activityType && e.StatusCode is not null,
            after.Log, timeout, $"answer from the bot to a '{activityType}' activity", cancellationToken);

    /// <summary>Bot messages after <paramref name="after"/>, as they stand now.</summary>
    public IReadOnlyList<ChatMessage> BotMessagesSince(Mark after) =>
        [.. _messages.Snapshot().Skip(after.Messages).Where(m => m.FromId == Config.BotId && m.ConversationId == ChatId)];

    /// <summary>What the Playground showed and logged after <paramref name="after"/>, one line each.</summary>
    public string Describe(Mark after)
    {
        var text = new StringBuilder();
        text.AppendLine("--- Playground chat (bot and user messages it showed) ---");
        foreach (var message in _messages.Snapshot().Skip(after.Messages))
        {
            text.AppendLine(message.ToString()).AppendLine(CultureInfo.InvariantCulture, $"    {Truncate(message.Raw.GetRawText(), 2000)}");
        }

        text.AppendLine("--- Playground activity log (to the bot: bot's HTTP answer; from the bot: connector's answer) ---");
        foreach (var entry in _log.Snapshot().Skip(after.Log))
        {
            text.AppendLine(entry.ToString());
            if (entry.RequestBody.ValueKind != JsonValueKind.Undefined)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {Truncate(entry.RequestBody.GetRawText(), 2000)}");
            }
        }

        return text.ToString();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private async Task PostAndDisposeAsync(string path, JsonNode body, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(path, body, cancellationToken);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, JsonNode body, CancellationToken cancellationToken)
    {
        _lastAction = Now;
        var response = await _http.PostAsJsonAsync(path, body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new HttpRequestException(
                $"Playground POST /{path} answered {(int)response.StatusCode} {response.StatusCode}: {detail}\nRequest: {body.ToJsonString()}",
                null, response.StatusCode);
        }

        return response;
    }

    private static Uri WebSocketUri(Uri baseAddress, string path) =>
        new UriBuilder(new Uri(baseAddress, path)) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws" }.Uri;

    public async ValueTask DisposeAsync()
    {
        await _messages.DisposeAsync();
        await _log.DisposeAsync();
        _http.Dispose();
    }

    /// <summary>A position in both streams.</summary>
    public readonly record struct Mark(int Messages, int Log);

    /// <summary>The Playground's answer to an invoke: HTTP status and body (for <c>adaptiveCard/action</c>: <c>{type, value}</c>).</summary>
    public sealed record InvokeAnswer(HttpStatusCode StatusCode, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }
}
