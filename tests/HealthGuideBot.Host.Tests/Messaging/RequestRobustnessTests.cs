using System.Net;
using System.Text;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Host.Tests.Messaging;

/// <summary>security.md §5 B (26–33) and the Teams checks of §5 C, through the real pipeline.</summary>
public sealed class RequestRobustnessTests
{
    [Fact]
    [Trait("Security", "B26")]
    public async Task Post_Returns400_WhenBodyIsNotJson()
    {
        using var host = new BotHostFactory();

        using var response = await host.PostRawAsync(new StringContent("this.is.not.json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Connector.Sent);
    }

    [Fact]
    [Trait("Security", "B27")]
    public async Task Post_Returns400_WhenActivityHasNoType()
    {
        using var host = new BotHostFactory();

        using var response = await host.PostActivityAsync(ActivityBuilder.Message("help") with { Type = null });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Connector.Sent);
    }

    [Fact]
    [Trait("Security", "B28")]
    public async Task Post_Returns413_WhenBodyIsOverTheLimit_EvenWithoutContentLength()
    {
        using var host = new BotHostFactory();
        var big = ActivityBuilder.Message(new string('a', 300 * 1024));

        using var declared = await host.PostActivityAsync(big);
        using var streamed = await host.PostRawAsync(new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(ActivityBuilder.ToJson(big)))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Empty(host.Connector.Sent);
    }

    [Fact]
    [Trait("Security", "B29")]
    public async Task Post_Returns400_ForDeeplyNestedJson_WithoutFallingOver()
    {
        using var host = new BotHostFactory();
        var nested = "{\"type\":\"message\",\"value\":" + string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000)) + "}";

        using var response = await host.PostRawAsync(new StringContent(nested, Encoding.UTF8, "application/json"));
        using var after = await host.PostActivityAsync(ActivityBuilder.Message("help"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [Trait("Security", "B30")]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Request_Returns405_ForMethodsOtherThanPost(string method)
    {
        using var host = new BotHostFactory();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/messages");

        using var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(host.Connector.Sent);
    }

    [Fact]
    [Trait("Security", "B31")]
    public async Task Post_Returns200AndDoesNothing_ForUnknownActivityType_And501ForUnknownInvoke()
    {
        using var host = new BotHostFactory();

        using var unknownType = await host.PostActivityAsync(ActivityBuilder.Message("x") with { Type = "somethingFromTheFuture" });
        using var unknownInvoke = await host.PostActivityAsync(ActivityBuilder.Execute("x") with { Name = "composeExtension/query" });

        Assert.Equal(HttpStatusCode.OK, unknownType.StatusCode);
        Assert.Equal(HttpStatusCode.NotImplemented, unknownInvoke.StatusCode);
        Assert.Empty(host.Connector.Sent);
    }

    [Fact]
    [Trait("Security", "B32")]
    public async Task Post_Returns500WithNoDetail_AndApologises_WhenAHandlerThrows()
    {
        using var host = new BotHostFactory(services: s => s.AddSingleton<IBot>(new ThrowingBot()));
        var message = ActivityBuilder.Message("anything");

        using var response = await host.PostActivityAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        using var stillAlive = await host.PostActivityAsync(ActivityBuilder.Message("again"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("secret pupil detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("at HealthGuideBot", body, StringComparison.Ordinal);
        var apology = host.Connector.SentTo(message.Conversation!.Id!)[0].Activity!;
        Assert.Contains("something went wrong", apology.Text, StringComparison.Ordinal);
        Assert.Contains("call 999", apology.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, stillAlive.StatusCode);
    }

    [Fact]
    [Trait("Security", "B33")]
    public async Task Post_StripsInvisibleCharacters_BeforeTheBotReadsText()
    {
        using var host = new BotHostFactory();
        var message = ActivityBuilder.Message("he\u200Blp\U000E0041");

        using var response = await host.PostActivityAsync(message);

        var sent = Assert.Single(host.Connector.SentTo(message.Conversation!.Id!));
        Assert.Equal("application/vnd.microsoft.card.adaptive", sent.Activity!.Attachments![0].ContentType);
    }

    [Fact]
    [Trait("Security", "C35")]
    public async Task Post_Returns403_ForNonTeamsChannel()
    {
        using var host = new BotHostFactory();

        using var response = await host.PostActivityAsync(ActivityBuilder.Message("help") with { ChannelId = "webchat" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Connector.Sent);
    }

    [Fact]
    [Trait("Security", "A18")]
    public async Task Post_Returns403_WhenServiceUrlHostIsNotAllowed()
    {
        using var host = new BotHostFactory();

        using var response = await host.PostActivityAsync(ActivityBuilder.Message("help", serviceUrl: "https://attacker.example.com/"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Connector.Sent);
    }

    [Fact]
    [Trait("Security", "C34")]
    public async Task Post_Returns403_WhenTenantIsNotAllowed_OrDisagreesWithConversationTenant()
    {
        using var host = new BotHostFactory(new() { ["HealthGuideBot:AllowedTenantIds:0"] = ActivityBuilder.TenantId });
        var allowed = ActivityBuilder.Message("help");
        var otherTenant = allowed with
        {
            Id = "other",
            ChannelData = System.Text.Json.JsonSerializer.SerializeToElement(new { tenant = new { id = "11111111-2222-3333-4444-555555555555" } }),
        };
        var mismatch = allowed with { Id = "mismatch", Conversation = allowed.Conversation! with { TenantId = "11111111-2222-3333-4444-555555555555" } };
        var missing = allowed with { Id = "missing", ChannelData = null };

        using var ok = await host.PostActivityAsync(allowed);
        using var other = await host.PostActivityAsync(otherTenant);
        using var mismatched = await host.PostActivityAsync(mismatch);
        using var absent = await host.PostActivityAsync(missing);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, mismatched.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, absent.StatusCode);
        Assert.Single(host.Connector.Sent);
    }

    [Fact]
    [Trait("Spec", "A2251")]
    public async Task Post_DiscardsCallerIdFromTheWire()
    {
        var probe = new ProbeBot();
        using var host = new BotHostFactory(services: s => s.AddSingleton<IBot>(probe));

        using var response = await host.PostActivityAsync(ActivityBuilder.Message("hi") with { CallerId = "urn:botframework:azure" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Assert.Single(probe.Seen).CallerId);
    }

    private sealed class ThrowingBot : IBot
    {
        public Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret pupil detail");
    }
}
