using System.Net;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.BotFramework.Tests.Connector;

/// <summary>A <see cref="ConnectorClient"/> over an in-memory connector, a fake clock and a fake token.</summary>
internal sealed class ConnectorHarness
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string ConversationId = "a:1Xy_Teams-Personal;messageid=1715000000000";

    private readonly Queue<Func<RecordedHttpRequest, HttpResponseMessage>> _scripted = new();
    private readonly Lock _scriptLock = new();

    public ConnectorHarness(Action<ConnectorOptions>? configure = null, Action<BotFrameworkOptions>? configureBot = null, IBotTokenProvider? tokens = null)
    {
        Options = new ConnectorOptions { TenantSendsPerSecond = 0 };
        configure?.Invoke(Options);
        BotOptions = new BotFrameworkOptions { AppId = "00000000-0000-0000-0000-00000000b07", AppPassword = "s3cret", AppTenantId = "tenant-1" };
        configureBot?.Invoke(BotOptions);
        Tokens = tokens ?? FakeTokens;
        Connector = new RecordingHttpMessageHandler(Answer, Time);
        Limiter = new ConnectorRateLimiter(Microsoft.Extensions.Options.Options.Create(Options), Time);
        Client = new ConnectorClient(
            new FakeHttpClientFactory().Add(ConnectorClient.HttpClientName, Connector),
            Microsoft.Extensions.Options.Options.Create(BotOptions),
            Microsoft.Extensions.Options.Options.Create(Options),
            Tokens,
            Limiter,
            new FixedJitter(0.5),
            Time,
            new FakeLogger<ConnectorClient>(Logs));
    }

    public FakeTimeProvider Time { get; } = FakeClock.Create();

    public FakeLogCollector Logs { get; } = new();

    public ConnectorOptions Options { get; }

    public BotFrameworkOptions BotOptions { get; }

    public FakeBotTokenProvider FakeTokens { get; } = new();

    public IBotTokenProvider Tokens { get; }

    public RecordingHttpMessageHandler Connector { get; }

    public ConnectorRateLimiter Limiter { get; }

    public ConnectorClient Client { get; }

    /// <summary>Answers after the scripted ones are used up; default: 200 with an id.</summary>
    public Func<RecordedHttpRequest, HttpResponseMessage> Default { get; set; } =
        request => RecordingHttpMessageHandler.Json($$"""{"id":"act-{{request.Sequence}}"}""");

    public IReadOnlyList<RecordedHttpRequest> Requests => Connector.Requests;

    /// <summary>Queues the next answers, in order.</summary>
    public ConnectorHarness Then(params Func<RecordedHttpRequest, HttpResponseMessage>[] answers)
    {
        lock (_scriptLock)
        {
            foreach (Func<RecordedHttpRequest, HttpResponseMessage> answer in answers)
            {
                _scripted.Enqueue(answer);
            }
        }

        return this;
    }

    public ConnectorHarness ThenStatus(params HttpStatusCode[] statuses) =>
        Then([.. statuses.Select(status => (Func<RecordedHttpRequest, HttpResponseMessage>)(_ => new HttpResponseMessage(status)))]);

    public static HttpResponseMessage Error(HttpStatusCode status, string code) =>
        RecordingHttpMessageHandler.Json($$$"""{"error":{"code":"{{{code}}}","message":"The bot is not part of the conversation roster."}}""", status);

    public static BotFramework.Schema.Activity Message(string text) => new() { Type = "message", Text = text };

    private HttpResponseMessage Answer(RecordedHttpRequest request)
    {
        lock (_scriptLock)
        {
            if (_scripted.TryDequeue(out Func<RecordedHttpRequest, HttpResponseMessage>? next))
            {
                return next(request);
            }
        }

        return Default(request);
    }
}
