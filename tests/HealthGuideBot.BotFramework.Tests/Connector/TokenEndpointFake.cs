using System.Collections.Specialized;
using System.Net;
using System.Web;
using HealthGuideBot.Testing;

namespace HealthGuideBot.BotFramework.Tests.Connector;

/// <summary>A fake Entra or managed identity token endpoint: numbered tokens, scripted failures, optional gate.</summary>
internal sealed class TokenEndpointFake
{
    private readonly Queue<Func<HttpResponseMessage>> _scripted = new();
    private readonly Lock _lock = new();
    private int _issued;

    public TokenEndpointFake(TimeProvider time, int expiresInSeconds = 3600, bool numbersAsStrings = false)
    {
        Handler = new RecordingHttpMessageHandler(RespondAsync, time);
        ExpiresInSeconds = expiresInSeconds;
        NumbersAsStrings = numbersAsStrings;
    }

    public RecordingHttpMessageHandler Handler { get; }

    public int ExpiresInSeconds { get; set; }

    public bool NumbersAsStrings { get; }

    /// <summary>When set, every answer waits for this task: lets a test pile up concurrent callers.</summary>
    public Task? Gate { get; set; }

    public IReadOnlyList<RecordedHttpRequest> Requests => Handler.Requests;

    public static NameValueCollection Form(RecordedHttpRequest request) => HttpUtility.ParseQueryString(request.Body ?? string.Empty);

    public static NameValueCollection Query(RecordedHttpRequest request) => HttpUtility.ParseQueryString(request.Uri.Query);

    public TokenEndpointFake Then(params Func<HttpResponseMessage>[] answers)
    {
        lock (_lock)
        {
            foreach (Func<HttpResponseMessage> answer in answers)
            {
                _scripted.Enqueue(answer);
            }
        }

        return this;
    }

    public static HttpResponseMessage OAuthError(HttpStatusCode status, string error, TimeSpan? retryAfter = null)
    {
        HttpResponseMessage response = RecordingHttpMessageHandler.Json(
            $$"""{"error":"{{error}}","error_description":"AADSTS7000215: Invalid client secret provided. s3cret","error_codes":[7000215]}""",
            status);
        if (retryAfter is TimeSpan wait)
        {
            response.Headers.RetryAfter = new(wait);
        }

        return response;
    }

    private async Task<HttpResponseMessage> RespondAsync(RecordedHttpRequest request, CancellationToken cancellationToken)
    {
        if (Gate is Task gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        lock (_lock)
        {
            if (_scripted.TryDequeue(out Func<HttpResponseMessage>? next))
            {
                return next();
            }
        }

        int number = Interlocked.Increment(ref _issued);
        string expires = NumbersAsStrings ? $"\"{ExpiresInSeconds}\"" : ExpiresInSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return RecordingHttpMessageHandler.Json($$"""{"token_type":"Bearer","expires_in":{{expires}},"ext_expires_in":{{expires}},"access_token":"token-{{number}}"}""");
    }
}
