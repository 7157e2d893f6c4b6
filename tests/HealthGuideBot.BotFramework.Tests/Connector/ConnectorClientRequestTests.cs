using System.Net;
using System.Text.Json;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Testing;

namespace HealthGuideBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientRequestTests
{
    private const string TeamsConversationId = "19:abc123@thread.tacv2;messageid=1715000000000";
    private const string TeamsActivityId = "1:1aBc/De@x";

    [Fact]
    public async Task SendToConversation_PostsTheActivityAsJson_WithTheBotToken()
    {
        var harness = new ConnectorHarness();

        ResourceResponse response = await harness.Client.SendToConversationAsync(
            ConnectorHarness.ServiceUrl, TeamsConversationId, ConnectorHarness.Message("Hello"), CancellationToken.None);

        RecordedHttpRequest request = Assert.Single(harness.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(
            "https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc123%40thread.tacv2%3Bmessageid%3D1715000000000/activities",
            request.Uri.AbsoluteUri);
        Assert.Equal("Bearer tok-1", request.Authorization);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Activity? sent = JsonSerializer.Deserialize(request.Body!, BotFrameworkJsonContext.Default.Activity);
        Assert.Equal("Hello", sent?.Text);
        Assert.Equal("act-1", response.Id);
    }

    [Fact]
    public async Task ReplyToActivity_PostsToTheEscapedActivityUrl()
    {
        var harness = new ConnectorHarness();

        await harness.Client.ReplyToActivityAsync(ConnectorHarness.ServiceUrl, TeamsConversationId, TeamsActivityId, ConnectorHarness.Message("Hi"), CancellationToken.None);

        RecordedHttpRequest request = Assert.Single(harness.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.EndsWith("/activities/1%3A1aBc%2FDe%40x", request.Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "C41")]
    public async Task UpdateActivity_PutsToTheActivityById_WithTheIdInTheBody()
    {
        var harness = new ConnectorHarness();
        harness.Default = _ => RecordingHttpMessageHandler.Json("""{"id":"1:1aBc/De@x"}""");

        ResourceResponse response = await harness.Client.UpdateActivityAsync(
            ConnectorHarness.ServiceUrl, TeamsConversationId, TeamsActivityId, ConnectorHarness.Message("Updated card") with { Id = "stale" }, CancellationToken.None);

        RecordedHttpRequest request = Assert.Single(harness.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal(
            "/emea/v3/conversations/19%3Aabc123%40thread.tacv2%3Bmessageid%3D1715000000000/activities/1%3A1aBc%2FDe%40x",
            request.PathAndQuery);
        Assert.Equal("Bearer tok-1", request.Authorization);
        Activity? sent = JsonSerializer.Deserialize(request.Body!, BotFrameworkJsonContext.Default.Activity);
        Assert.Equal(TeamsActivityId, sent?.Id);
        Assert.Equal("Updated card", sent?.Text);
        Assert.Equal(TeamsActivityId, response.Id);
    }

    [Fact]
    [Trait("Security", "C41")]
    public async Task DeleteActivity_DeletesTheActivityById_AndAcceptsAnEmptyAnswer()
    {
        var harness = new ConnectorHarness();
        harness.Default = _ => new HttpResponseMessage(HttpStatusCode.OK);

        await harness.Client.DeleteActivityAsync(ConnectorHarness.ServiceUrl, TeamsConversationId, TeamsActivityId, CancellationToken.None);

        RecordedHttpRequest request = Assert.Single(harness.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.EndsWith("/v3/conversations/19%3Aabc123%40thread.tacv2%3Bmessageid%3D1715000000000/activities/1%3A1aBc%2FDe%40x", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Null(request.Body);
        Assert.Equal("Bearer tok-1", request.Authorization);
    }

    [Fact]
    public async Task CreateConversation_PostsTheParameters_ToConversations()
    {
        var harness = new ConnectorHarness();
        harness.Default = _ => RecordingHttpMessageHandler.Json("""{"id":"a:new-chat","activityId":"1:first"}""", HttpStatusCode.Created);

        ConversationResourceResponse response = await harness.Client.CreateConversationAsync(
            "https://smba.trafficmanager.net/emea",
            new ConversationParameters { TenantId = "tenant-1", Members = [new ChannelAccount { Id = "29:user" }], Bot = new ChannelAccount { Id = "28:bot" } },
            CancellationToken.None);

        RecordedHttpRequest request = Assert.Single(harness.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations", request.Uri.AbsoluteUri);
        ConversationParameters? sent = JsonSerializer.Deserialize(request.Body!, BotFrameworkJsonContext.Default.ConversationParameters);
        Assert.Equal("tenant-1", sent?.TenantId);
        Assert.Equal("29:user", Assert.Single(sent!.Members!).Id);
        Assert.Equal("a:new-chat", response.Id);
        Assert.Equal("1:first", response.ActivityId);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea/v3/conversations/c/activities")]
    [InlineData("https://smba.trafficmanager.net/emea", "https://smba.trafficmanager.net/emea/v3/conversations/c/activities")]
    [InlineData("https://smba.trafficmanager.net/", "https://smba.trafficmanager.net/v3/conversations/c/activities")]
    [InlineData("https://smba.trafficmanager.net", "https://smba.trafficmanager.net/v3/conversations/c/activities")]
    [InlineData("https://europe.webchat.botframework.com/a/b/", "https://europe.webchat.botframework.com/a/b/v3/conversations/c/activities")]
    public async Task ServiceUrl_WithOrWithoutPathAndTrailingSlash_ComposesOneClean(string serviceUrl, string expected)
    {
        var harness = new ConnectorHarness();

        await harness.Client.SendToConversationAsync(serviceUrl, "c", ConnectorHarness.Message("x"), CancellationToken.None);

        Assert.Equal(expected, Assert.Single(harness.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task SuccessWithUnreadableBody_IsStillASuccess_SoTheMessageIsNotSentTwice()
    {
        var harness = new ConnectorHarness();
        harness.Default = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>ok</html>") };

        ResourceResponse response = await harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "c", ConnectorHarness.Message("x"), CancellationToken.None);

        Assert.Null(response.Id);
        Assert.Single(harness.Requests);
    }
}
