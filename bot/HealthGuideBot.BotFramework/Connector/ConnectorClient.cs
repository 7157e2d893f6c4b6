using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API v3 over one pooled <see cref="HttpClient"/>. Every call, in order: refuses a
/// <c>serviceUrl</c> off the allow-list and an activity over the size limit (nothing sent, no token touched), waits for
/// a rate-limit permit, attaches the cached token, and retries by status:
/// <list type="bullet">
/// <item>401: one token refresh and one retry.</item>
/// <item>403 (<c>BotNotInConversationRoster</c>, <c>MessageWritesBlocked</c>): no retry; the bot was removed.</item>
/// <item>429 and 412: retried after Retry-After, else exponential back-off with jitter. A 429's Retry-After also
/// pauses the conversation's other senders.</item>
/// <item>5xx and transport failures on a create (POST) are ambiguous — the message may have been delivered — so they
/// are retried at most once, then reported with <see cref="ConnectorException.PossiblyDelivered"/>. On PUT and DELETE
/// (idempotent) they are retried like 429.</item>
/// </list>
/// Attempts and total waiting are bounded (<see cref="ConnectorOptions"/>); all waits use <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class ConnectorClient : IConnectorClient
{
    public const string HttpClientName = "HealthGuideBot.BotFramework.Connector";

    private const int MaxErrorBodyBytes = 16 * 1024;

    private readonly HttpClient _http;
    private readonly OutboundHostPolicy _hosts;
    private readonly ConnectorOptions _options;
    private readonly IBotTokenProvider _tokens;
    private readonly ConnectorRateLimiter _limiter;
    private readonly IRetryJitter _jitter;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorClient> _logger;

    public ConnectorClient(
        IHttpClientFactory httpClientFactory,
        IOptions<BotFrameworkOptions> botOptions,
        IOptions<ConnectorOptions> options,
        IBotTokenProvider tokens,
        ConnectorRateLimiter limiter,
        IRetryJitter jitter,
        TimeProvider time,
        ILogger<ConnectorClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(botOptions);
        ArgumentNullException.ThrowIfNull(options);

        // One client for the process: the factory's handler is never rotated (see ConnectorServiceCollectionExtensions).
        _http = httpClientFactory.CreateClient(HttpClientName);
        _hosts = OutboundHostPolicy.FromOptions(botOptions.Value);
        _options = options.Value;
        _tokens = tokens;
        _limiter = limiter;
        _jitter = jitter;
        _time = time;
        _logger = logger;
    }

    private enum Operation
    {
        Send,
        Reply,
        Update,
        Delete,
        CreateConversation,
    }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        string baseUrl = BaseUrl(serviceUrl);
        byte[] body = Serialize(activity, BotFrameworkJsonContext.Default.Activity);
        string url = string.Concat(baseUrl, "/v3/conversations/", Uri.EscapeDataString(conversationId), "/activities");
        return ExecuteAsync(Operation.Send, HttpMethod.Post, url, body, conversationId, BotFrameworkJsonContext.Default.ResourceResponse, cancellationToken);
    }

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        string baseUrl = BaseUrl(serviceUrl);
        byte[] body = Serialize(activity, BotFrameworkJsonContext.Default.Activity);
        return ExecuteAsync(Operation.Reply, HttpMethod.Post, ActivityUrl(baseUrl, conversationId, activityId), body, conversationId, BotFrameworkJsonContext.Default.ResourceResponse, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        string baseUrl = BaseUrl(serviceUrl);

        // The connector identifies the message by the URL; the body's id must agree with it.
        byte[] body = Serialize(activity with { Id = activityId }, BotFrameworkJsonContext.Default.Activity);
        return ExecuteAsync(Operation.Update, HttpMethod.Put, ActivityUrl(baseUrl, conversationId, activityId), body, conversationId, BotFrameworkJsonContext.Default.ResourceResponse, cancellationToken);
    }

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        string baseUrl = BaseUrl(serviceUrl);
        return ExecuteAsync(Operation.Delete, HttpMethod.Delete, ActivityUrl(baseUrl, conversationId, activityId), body: null, conversationId, BotFrameworkJsonContext.Default.ResourceResponse, cancellationToken);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        string baseUrl = BaseUrl(serviceUrl);
        byte[] body = Serialize(parameters, BotFrameworkJsonContext.Default.ConversationParameters);

        // Creating a conversation is limited like a send; with no conversation yet, the limit is kept per member.
        string limiterKey = "\u0001create:" + (parameters.Members is [ChannelAccount only] ? only.Id : parameters.TenantId);
        return ExecuteAsync(Operation.CreateConversation, HttpMethod.Post, baseUrl + "/v3/conversations", body, limiterKey, BotFrameworkJsonContext.Default.ConversationResourceResponse, cancellationToken);
    }

    private string BaseUrl(string serviceUrl)
    {
        try
        {
            return _hosts.GetBaseUrl(serviceUrl);
        }
        catch (OutboundRequestRefusedException)
        {
            Log.ServiceUrlRefused(_logger);
            throw;
        }
    }

    private static string ActivityUrl(string baseUrl, string conversationId, string activityId) =>
        string.Concat(baseUrl, "/v3/conversations/", Uri.EscapeDataString(conversationId), "/activities/", Uri.EscapeDataString(activityId));

    private static bool IsAmbiguousOnCreate(HttpStatusCode status) => (int)status >= 500;

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestTimeout
        || (int)status >= 500;

    private static string? SanitizeCode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 64)
        {
            return null;
        }

        foreach (char c in code)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '.' && c != '-')
            {
                return null;
            }
        }

        return code;
    }

    private byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        if (body.Length > _options.MaxActivityBytes)
        {
            Log.ActivityTooLarge(_logger, body.Length, _options.MaxActivityBytes);
            throw new OutboundRequestRefusedException(
                OutboundRefusalReason.ActivityTooLarge,
                $"The activity is {body.Length} bytes serialized, over the {_options.MaxActivityBytes}-byte limit Teams accepts; nothing was sent. Split the card or send a link.")
            {
                ActivityBytes = body.Length,
                LimitBytes = _options.MaxActivityBytes,
            };
        }

        return body;
    }

    private async Task<T> ExecuteAsync<T>(
        Operation operation,
        HttpMethod method,
        string url,
        byte[]? body,
        string limiterKey,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken)
        where T : class, new()
    {
        bool isCreate = method == HttpMethod.Post;
        bool authenticate = !_hosts.IsAuthenticationDisabled;
        bool refreshedAfterUnauthorized = false;
        bool ambiguousFailureSeen = false;
        string? token = null;
        TimeSpan waited = TimeSpan.Zero;

        for (int attempt = 1; ; attempt++)
        {
            await _limiter.AcquireAsync(limiterKey, cancellationToken);
            if (authenticate && !refreshedAfterUnauthorized)
            {
                token = await _tokens.GetTokenAsync(cancellationToken);
            }

            HttpResponseMessage response;
            using (HttpRequestMessage request = CreateRequest(method, url, body, token))
            {
                try
                {
                    response = await _http.SendAsync(request, cancellationToken);
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // The request may have reached the connector before the connection failed or timed out.
                    Log.TransportFailure(_logger, operation, new ConversationLogLabel(limiterKey), attempt, timedOut: ex is TaskCanceledException);

                    bool mayRetry = !isCreate || !ambiguousFailureSeen;
                    ambiguousFailureSeen |= isCreate;
                    TimeSpan delay = Backoff.Delay(attempt, _options.BaseRetryDelay, _options.MaxRetryDelay, _jitter);
                    if (!mayRetry || !CanWait(attempt, delay, waited))
                    {
                        throw new ConnectorException($"The Bot Connector could not be reached ({operation}) after {attempt} attempt(s).", ex)
                        {
                            PossiblyDelivered = ambiguousFailureSeen,
                        };
                    }

                    await Task.Delay(delay, _time, cancellationToken);
                    waited += delay;
                    continue;
                }
            }

            TimeSpan retryDelay;
            using (response)
            {
                HttpStatusCode status = response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return await ReadSuccessAsync(response, responseType, operation, cancellationToken);
                }

                if (status == HttpStatusCode.Unauthorized && token is not null && !refreshedAfterUnauthorized)
                {
                    Log.UnauthorizedRefreshingToken(_logger, operation, new ConversationLogLabel(limiterKey));
                    token = await _tokens.RefreshAfterRejectionAsync(token, cancellationToken);
                    refreshedAfterUnauthorized = true;
                    continue;
                }

                string? errorCode = await ReadErrorCodeAsync(response, cancellationToken);
                if (status == HttpStatusCode.Forbidden)
                {
                    Log.BotRemovedFromConversation(_logger, operation, new ConversationLogLabel(limiterKey), errorCode);
                    throw new ConnectorException(
                        status,
                        errorCode,
                        $"The Bot Connector refused {operation} with 403 ({errorCode ?? "no code"}): the bot was removed from the conversation or blocked; stop sending there.")
                    {
                        PossiblyDelivered = ambiguousFailureSeen,
                    };
                }

                bool ambiguous = isCreate && IsAmbiguousOnCreate(status);
                bool mayRetry = IsRetryable(status) && !(ambiguous && ambiguousFailureSeen);
                ambiguousFailureSeen |= ambiguous;
                TimeSpan? retryAfter = RetryAfter.From(response, _time);
                TimeSpan delay = retryAfter ?? Backoff.Delay(attempt, _options.BaseRetryDelay, _options.MaxRetryDelay, _jitter);
                if (!mayRetry || !CanWait(attempt, delay, waited))
                {
                    Log.CallFailed(_logger, operation, new ConversationLogLabel(limiterKey), (int)status, errorCode, attempt, ambiguousFailureSeen);
                    throw new ConnectorException(
                        status,
                        errorCode,
                        ambiguousFailureSeen
                            ? $"The Bot Connector failed {operation} with {(int)status} ({errorCode ?? "no code"}) after {attempt} attempt(s); the message may have been delivered, so it was not retried again."
                            : $"The Bot Connector failed {operation} with {(int)status} ({errorCode ?? "no code"}) after {attempt} attempt(s).")
                    {
                        PossiblyDelivered = ambiguousFailureSeen,
                        RetryAfter = retryAfter,
                    };
                }

                if (status == HttpStatusCode.TooManyRequests && retryAfter is TimeSpan pause)
                {
                    _limiter.Pause(limiterKey, pause);
                }

                Log.Retrying(_logger, operation, new ConversationLogLabel(limiterKey), (int)status, attempt, (long)delay.TotalMilliseconds);
                retryDelay = delay;
            }

            await Task.Delay(retryDelay, _time, cancellationToken);
            waited += retryDelay;
        }
    }

    private bool CanWait(int attempt, TimeSpan delay, TimeSpan waited) =>
        attempt < _options.MaxAttempts && waited + delay <= _options.MaxTotalRetryDelay;

    private static HttpRequestMessage CreateRequest(HttpMethod method, string url, byte[]? body, string? token)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private async Task<T> ReadSuccessAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> responseType, Operation operation, CancellationToken cancellationToken)
        where T : class, new()
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
        {
            return new T();
        }

        try
        {
            await using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken) ?? new T();
        }
        catch (JsonException)
        {
            // The call succeeded; throwing would make the caller send the message again.
            Log.UnreadableSuccessBody(_logger, operation, (int)response.StatusCode);
            return new T();
        }
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is 0 or > MaxErrorBodyBytes)
        {
            return null;
        }

        try
        {
            byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (bytes.Length is 0 or > MaxErrorBodyBytes)
            {
                return null;
            }

            ErrorResponse? error = JsonSerializer.Deserialize(bytes, BotFrameworkJsonContext.Default.ErrorResponse);
            return SanitizeCode(error?.Error?.Code);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Connector {Operation} to conversation {ConversationHash} got {Status} on attempt {Attempt}; retrying in {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, Operation operation, ConversationLogLabel conversationHash, int status, int attempt, long delayMs);

        [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Connector {Operation} to conversation {ConversationHash} refused with 403 ({ErrorCode}): bot removed or blocked")]
        public static partial void BotRemovedFromConversation(ILogger logger, Operation operation, ConversationLogLabel conversationHash, string? errorCode);

        [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Connector {Operation} to conversation {ConversationHash} failed with {Status} ({ErrorCode}) after {Attempt} attempt(s); possibly delivered: {PossiblyDelivered}")]
        public static partial void CallFailed(ILogger logger, Operation operation, ConversationLogLabel conversationHash, int status, string? errorCode, int attempt, bool possiblyDelivered);

        [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Connector {Operation} to conversation {ConversationHash} failed in transport on attempt {Attempt} (timed out: {TimedOut})")]
        public static partial void TransportFailure(ILogger logger, Operation operation, ConversationLogLabel conversationHash, int attempt, bool timedOut);

        [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Connector {Operation} to conversation {ConversationHash} got 401; refreshing the token and retrying once")]
        public static partial void UnauthorizedRefreshingToken(ILogger logger, Operation operation, ConversationLogLabel conversationHash);

        [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Outbound activity refused before sending: {Bytes} bytes over the {LimitBytes}-byte limit")]
        public static partial void ActivityTooLarge(ILogger logger, int bytes, int limitBytes);

        [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Connector {Operation} succeeded with {Status} but its body was not readable")]
        public static partial void UnreadableSuccessBody(ILogger logger, Operation operation, int status);

        [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "Outbound call refused before sending: the serviceUrl is not on the outbound host allow-list")]
        public static partial void ServiceUrlRefused(ILogger logger);
    }
}
