using System.Text.Json;
using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Testing;

namespace HealthGuideBot.BotFramework.Tests.Turns;

public sealed class ActivityRouterTests : IDisposable
{
    private readonly RecordingConnector _connector = new();

    public void Dispose() => _connector.Dispose();

    [Fact]
    public async Task RouteAsync_UsesFirstMatchingRoute_InRegistrationOrder()
    {
        var hits = new List<string>();
        var router = new ActivityRouter()
            .OnMessage(t => t.Contains("help", StringComparison.Ordinal), (_, _) => Record(hits, "help"))
            .OnMessage(_ => true, (_, _) => Record(hits, "any"));

        await router.RouteAsync(Turn(ActivityBuilder.Message("help me")), CancellationToken.None);
        await router.RouteAsync(Turn(ActivityBuilder.Message("something")), CancellationToken.None);

        Assert.Equal(["help", "any"], hits);
    }

    [Fact]
    public async Task RouteAsync_SendsExecuteToVerbHandler_AndReturnsTheInvokeResponseBody()
    {
        var router = new ActivityRouter().OnCardAction("plan.next", (_, action, _) =>
            Task.FromResult(AdaptiveCardInvokeResponse.Message($"step {action.GetString("step")}")));

        var response = await router.RouteAsync(Turn(ActivityBuilder.Execute("plan.next", new { step = "2" })), CancellationToken.None);

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal(200, response.Body!["statusCode"]!.GetValue<int>());
        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, response.Body["type"]!.GetValue<string>());
        Assert.Equal("step 2", response.Body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task RouteAsync_SendsSubmitToVerbHandler_AndPostsItsResponseAsAMessage()
    {
        var router = new ActivityRouter()
            .OnCardAction("help.examples", (_, action, _) => Task.FromResult(AdaptiveCardInvokeResponse.Message($"examples for {action.GetString("topic")}")))
            .OnUnmatchedMessage((_, _) => throw new InvalidOperationException("A submit must not fall through to the text fallback."));
        var submit = ActivityBuilder.Submit(new Dictionary<string, string> { ["verb"] = "help.examples", ["topic"] = "plans" });

        var response = await router.RouteAsync(Turn(submit), CancellationToken.None);

        Assert.Null(response);
        Assert.Equal("examples for plans", Assert.Single(_connector.Sent).Activity!.Text);
    }

    [Fact]
    [Trait("Security", "B31")]
    public async Task RouteAsync_Returns501ForUnknownInvokeName_AndNothingForUnknownActivityType()
    {
        var router = new ActivityRouter().OnUnmatchedMessage((_, _) => throw new InvalidOperationException("not for these"));
        var unknownInvoke = ActivityBuilder.Execute("x") with { Name = "composeExtension/query" };
        var unknownType = ActivityBuilder.Message("x") with { Type = "somethingNew" };

        var invokeResponse = await router.RouteAsync(Turn(unknownInvoke), CancellationToken.None);
        var otherResponse = await router.RouteAsync(Turn(unknownType), CancellationToken.None);

        Assert.Equal(501, invokeResponse!.Status);
        Assert.Null(otherResponse);
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task RouteAsync_AnswersUnknownExecuteVerbWithSafeError()
    {
        var response = await new ActivityRouter().RouteAsync(Turn(ActivityBuilder.Execute("no.such.verb")), CancellationToken.None);

        Assert.Equal(400, response!.Body!["statusCode"]!.GetValue<int>());
        Assert.Equal(AdaptiveCardInvokeResponse.ErrorType, response.Body["type"]!.GetValue<string>());
    }

    [Fact]
    public void OnCardAction_RefusesTheSameVerbTwice() =>
        Assert.Throws<ArgumentException>(() => new ActivityRouter()
            .OnCardAction("v", (_, _, _) => Task.FromResult(AdaptiveCardInvokeResponse.Message("a")))
            .OnCardAction("v", (_, _, _) => Task.FromResult(AdaptiveCardInvokeResponse.Message("b"))));

    [Fact]
    public async Task RouteAsync_RunsBeforeEveryTurnHandlers_EvenWhenNoRouteMatches()
    {
        var seen = 0;
        var router = new ActivityRouter().BeforeEveryTurn((_, _) =>
        {
            seen++;
            return Task.CompletedTask;
        });

        await router.RouteAsync(Turn(ActivityBuilder.Message("x") with { Type = ActivityTypes.ConversationUpdate }), CancellationToken.None);

        Assert.Equal(1, seen);
    }

    [Fact]
    public async Task SendActivityAsync_AddressesReplyFromInboundActivity()
    {
        var inbound = ActivityBuilder.Message("hi", conversationId: "a:conv-9");
        var turn = Turn(inbound);

        await turn.SendActivityAsync(MessageFactory.Text("hello"), CancellationToken.None);

        var sent = Assert.Single(_connector.Sent);
        Assert.Equal("reply", sent.Kind);
        Assert.Equal(inbound.Id, sent.ActivityId);
        Assert.Equal("a:conv-9", sent.ConversationId);
        Assert.Equal(inbound.Recipient!.Id, sent.Activity!.From!.Id);
        Assert.Equal(inbound.From!.Id, sent.Activity.Recipient!.Id);
        Assert.Equal(inbound.Id, sent.Activity.ReplyToId);
    }

    private TurnContext Turn(Activity activity) =>
        new(activity, BotCaller.UnauthenticatedDevelopment, EmptyServices.Instance, _connector, "turn-1");

    private static Task Record(List<string> hits, string name)
    {
        hits.Add(name);
        return Task.CompletedTask;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
