using System.Buffers;
using System.Net;
using System.Text.Json;
using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Hosting;

/// <summary>
/// <c>POST /api/messages</c>. The order is fixed (security.md §6): method → body-size limit → authentication of the
/// header → bounded JSON parse → claims against the activity → channel, tenant and serviceUrl checks →
/// de-duplication → one turn at a time per conversation → route. Nothing reaches the bot unless every check passed;
/// nothing is parsed before the caller is authenticated.
/// </summary>
internal sealed partial class BotMessagesEndpoint
{
    private readonly IBotAuthenticator _authenticator;
    private readonly IConnectorClient _connector;
    private readonly IServiceScopeFactory _scopes;
    private readonly ActivityDeduplicator _deduplicator;
    private readonly ConversationTurnQueue _queue;
    private readonly TimeProvider _time;
    private readonly ILogger<BotMessagesEndpoint> _logger;
    private readonly BotFrameworkOptions _options;
    private readonly BotFrameworkJsonContext _json;

    public BotMessagesEndpoint(
        IBotAuthenticator authenticator,
        IConnectorClient connector,
        IServiceScopeFactory scopes,
        ActivityDeduplicator deduplicator,
        ConversationTurnQueue queue,
        TimeProvider time,
        IOptions<BotFrameworkOptions> options,
        ILogger<BotMessagesEndpoint> logger)
    {
        _authenticator = authenticator;
        _connector = connector;
        _scopes = scopes;
        _deduplicator = deduplicator;
        _queue = queue;
        _time = time;
        _logger = logger;
        _options = options.Value;
        _json = new BotFrameworkJsonContext(new JsonSerializerOptions(BotFrameworkJsonContext.Default.Options)
        {
            MaxDepth = _options.MaxJsonDepth,
        });
    }

    public async Task HandleAsync(HttpContext http)
    {
        var requestId = http.TraceIdentifier;

        // Body-size limit, before anything is read (security.md 28).
        if (http.Request.ContentLength > _options.MaxRequestBodyBytes)
        {
            Log.Rejected(_logger, requestId, StatusCodes.Status413PayloadTooLarge, "body-too-large");
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = _options.MaxRequestBodyBytes;
        }

        // Unauthenticated development mode still refuses remote callers: loopback only.
        if (_options.IsAuthenticationDisabled && http.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            Log.Rejected(_logger, requestId, StatusCodes.Status403Forbidden, "remote-caller-in-development-mode");
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var authentication = await _authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, http.RequestAborted);
        if (authentication.Status != AuthenticationStatus.Authenticated || authentication.Caller is null)
        {
            Reject(http, authentication);
            return;
        }

        var (activity, parseError) = await ReadActivityAsync(http);
        if (activity is null)
        {
            Log.Rejected(_logger, requestId, parseError == "body-too-large" ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, parseError);
            http.Response.StatusCode = parseError == "body-too-large" ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return;
        }

        var claims = _authenticator.AuthorizeActivity(authentication.Caller, activity);
        if (claims.Status != AuthenticationStatus.Authenticated)
        {
            Reject(http, claims);
            return;
        }

        if (CheckChannelTenantAndServiceUrl(activity) is { } forbiddenReason)
        {
            Log.Rejected(_logger, requestId, StatusCodes.Status403Forbidden, forbiddenReason);
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var inbound = Prepare(activity);
        try
        {
            var result = await _deduplicator.RunOnceAsync(inbound, () => RunTurnAsync(inbound, authentication.Caller, requestId));
            if (result.IsRepeat)
            {
                Log.Repeat(_logger, requestId, inbound.Id);
            }

            await WriteResponseAsync(http, inbound, result.Response);
        }
        catch (TurnFailedException)
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    private async Task<InvokeResponse?> RunTurnAsync(Activity activity, BotCaller caller, string requestId)
    {
        var conversationId = activity.Conversation!.Id!; // checked by CheckRequiredFields
        using var timeout = new CancellationTokenSource(_options.TurnTimeout, _time);
        var started = _time.GetTimestamp();
        await using var scope = _scopes.CreateAsyncScope();
        var turn = new TurnContext(activity, caller, scope.ServiceProvider, _connector, requestId);
        try
        {
            using (await _queue.EnterAsync(conversationId, timeout.Token))
            {
                var bot = scope.ServiceProvider.GetRequiredService<IBot>();
                var response = await bot.OnTurnAsync(turn, timeout.Token);
                Log.TurnCompleted(_logger, requestId, activity.Type, _time.GetElapsedTime(started).TotalMilliseconds);
                return response;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Log.TurnTimedOut(_logger, requestId, activity.Type, _options.TurnTimeout.TotalSeconds);
            await TellUserAsync(scope.ServiceProvider, turn);
            throw new TurnFailedException();
        }
        catch (Exception exception) when (exception is not TurnFailedException)
        {
            // The single error boundary: log identifiers and the exception, tell the user something humane, answer 500.
            Log.TurnFailed(_logger, requestId, activity.Type, exception.GetType().FullName, exception);
            await TellUserAsync(scope.ServiceProvider, turn);
            throw new TurnFailedException();
        }
    }

    private async Task TellUserAsync(IServiceProvider services, TurnContext turn)
    {
        if (turn.Activity.Type is not ActivityTypes.Message || services.GetService<ITurnErrorHandler>() is not { } handler)
        {
            return;
        }

        try
        {
            using var apology = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
            await handler.OnTurnErrorAsync(turn, apology.Token);
        }
        catch (Exception exception)
        {
            Log.ErrorHandlerFailed(_logger, turn.TurnId, exception.GetType().FullName, exception);
        }
    }

    private async Task<(Activity? Activity, string Error)> ReadActivityAsync(HttpContext http)
    {
        byte[]? rented = null;
        try
        {
            var limit = (int)Math.Min(_options.MaxRequestBodyBytes, int.MaxValue - 1);
            rented = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 64 * 1024));
            var length = 0;
            while (true)
            {
                if (length == rented.Length)
                {
                    if (rented.Length > limit)
                    {
                        return (null, "body-too-large");
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(rented.Length * 2, limit + 1));
                    rented.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(rented);
                    rented = bigger;
                }

                int read;
                try
                {
                    read = await http.Request.Body.ReadAsync(rented.AsMemory(length), http.RequestAborted);
                }
                catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    return (null, "body-too-large");
                }

                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    return (null, "body-too-large");
                }
            }

            Activity? activity;
            try
            {
                activity = JsonSerializer.Deserialize(rented.AsSpan(0, length), _json.Activity);
            }
            catch (JsonException)
            {
                return (null, "malformed-json");
            }

            return activity is null ? (null, "empty-body") : CheckRequiredFields(activity);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static (Activity?, string) CheckRequiredFields(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return (null, "missing-type");
        }

        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return (null, "missing-conversation");
        }

        if (string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return (null, "missing-service-url");
        }

        return (activity, "ok");
    }

    private string? CheckChannelTenantAndServiceUrl(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ChannelId) || !_options.AllowedChannelIds.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return "channel-not-allowed";
        }

        if (!Authentication.ServiceUrlAllowList.IsAllowed(activity.ServiceUrl, _options))
        {
            return "service-url-host-not-allowed";
        }

        if (_options.AllowedTenantIds.Count == 0 && _options.IsAuthenticationDisabled)
        {
            return null;
        }

        var tenant = activity.GetChannelDataTenantId();
        if (tenant is null || !_options.AllowedTenantIds.Contains(tenant, StringComparer.OrdinalIgnoreCase))
        {
            return "tenant-not-allowed";
        }

        if (activity.Conversation?.TenantId is { Length: > 0 } conversationTenant
            && !string.Equals(conversationTenant, tenant, StringComparison.OrdinalIgnoreCase))
        {
            return "tenant-mismatch";
        }

        return null;
    }

    /// <summary>Neutralises what a turn must not trust or see: the wire's callerId (spec A2251), invisible characters, @mentions of the bot.</summary>
    private static Activity Prepare(Activity activity)
    {
        var text = activity.Text is { } raw
            ? (activity with { Text = TextSanitizer.RemoveInvisible(raw) }).GetTextWithoutMentionsOf(activity.Recipient?.Id)
            : null;
        return activity with { CallerId = null, Text = text };
    }

    private async Task WriteResponseAsync(HttpContext http, Activity activity, InvokeResponse? response)
    {
        if (activity.Type != ActivityTypes.Invoke)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response ??= new InvokeResponse(StatusCodes.Status501NotImplemented, null);
        http.Response.StatusCode = response.Status;
        if (response.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, response.Body, _json.JsonNode, http.RequestAborted);
        }
    }

    private void Reject(HttpContext http, AuthenticationOutcome outcome)
    {
        var status = outcome.Status switch
        {
            AuthenticationStatus.Forbidden => StatusCodes.Status403Forbidden,
            AuthenticationStatus.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status401Unauthorized,
        };
        Log.Rejected(_logger, http.TraceIdentifier, status, outcome.Reason);
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }
    }

    /// <summary>A turn failed and was logged; the endpoint answers 500 and the channel may retry.</summary>
    private sealed class TurnFailedException : Exception;

    private static partial class Log
    {
        // EventIds 1000–1099: hosting and turns. Next: 1006.
        [LoggerMessage(1000, LogLevel.Warning, "Rejected request {RequestId} with {StatusCode}: {Reason}")]
        public static partial void Rejected(ILogger logger, string requestId, int statusCode, string reason);

        [LoggerMessage(1001, LogLevel.Debug, "Turn {TurnId} ({ActivityType}) completed in {ElapsedMs:0.0} ms")]
        public static partial void TurnCompleted(ILogger logger, string turnId, string? activityType, double elapsedMs);

        [LoggerMessage(1002, LogLevel.Information, "Activity {ActivityId} of request {RequestId} was a re-delivery; the original result was returned")]
        public static partial void Repeat(ILogger logger, string requestId, string? activityId);

        [LoggerMessage(1003, LogLevel.Error, "Turn {TurnId} ({ActivityType}) failed with {ExceptionType}")]
        public static partial void TurnFailed(ILogger logger, string turnId, string? activityType, string? exceptionType, Exception exception);

        [LoggerMessage(1004, LogLevel.Error, "Turn {TurnId} ({ActivityType}) ran longer than {TimeoutSeconds} s and was cancelled")]
        public static partial void TurnTimedOut(ILogger logger, string turnId, string? activityType, double timeoutSeconds);

        [LoggerMessage(1005, LogLevel.Error, "The turn error handler failed for turn {TurnId} with {ExceptionType}")]
        public static partial void ErrorHandlerFailed(ILogger logger, string turnId, string? exceptionType, Exception exception);
    }
}
