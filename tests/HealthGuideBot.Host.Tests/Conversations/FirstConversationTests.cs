using System.Net;
using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Testing;

namespace HealthGuideBot.Host.Tests.Conversations;

/// <summary>The first conversation a member of staff has: welcome, help, the help card's buttons, the fallback.</summary>
public sealed class FirstConversationTests
{
    [Fact]
    public async Task Welcome_IsSentOnce_WhenTheAppIsInstalled()
    {
        using var host = new BotHostFactory();
        var install = ActivityBuilder.InstallationAdd();
        var memberAdded = ActivityBuilder.Message("x") with { Type = ActivityTypes.ConversationUpdate, Text = null, MembersAdded = [install.Recipient!] };

        using var response = await host.PostActivityAsync(install);
        using var alsoSent = await host.PostActivityAsync(memberAdded);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = host.Connector.SentTo(install.Conversation!.Id!);
        Assert.Equal(2, sent.Count);
        Assert.Contains("HealthGuideBot", sent[0].Activity!.Text, StringComparison.Ordinal);
        Assert.Contains("call 999", sent[0].Activity!.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Sample Primary School", HelpCardText(sent[1]).Split(" at ")[1].Split('.')[0]);
        Assert.Equal("send", sent[0].Kind);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("Help!")]
    [InlineData("<at>HealthGuideBot</at> help")]
    public async Task Help_ShowsTheHelpCard_WhateverTheMentionOrCase(string text)
    {
        using var host = new BotHostFactory();
        var message = ActivityBuilder.Message(text) with
        {
            Entities = [new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = ActivityBuilder.BotId }, Text = "<at>HealthGuideBot</at>" }],
        };

        await host.PostActivityAsync(message);

        var card = CardOf(Assert.Single(host.Connector.SentTo(message.Conversation!.Id!)));
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var topics = card["body"]!.AsArray().Where(n => n!["type"]!.GetValue<string>() == "Container").ToArray();
        Assert.Equal(4, topics.Length);
        Assert.Equal("Emergencies", topics[0]!["items"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("help.topic", topics[0]!["items"]!.AsArray().Last()!["actions"]![0]!["verb"]!.GetValue<string>());
    }

    [Fact]
    public async Task HelpTopicButton_ReplacesTheCardInPlace_ThroughTheInvokeResponse()
    {
        using var host = new BotHostFactory();

        using var response = await host.PostActivityAsync(ActivityBuilder.Execute("help.topic", new { topic = "referrals" }));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("Referrals", body["value"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Empty(host.Connector.Sent);
    }

    [Fact]
    public async Task BackButton_ReturnsTheHelpMenu()
    {
        using var host = new BotHostFactory();

        using var response = await host.PostActivityAsync(ActivityBuilder.Execute("help.menu"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("HealthGuideBot", body["value"]!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownTopic_GetsASafeErrorInsteadOfACard()
    {
        using var host = new BotHostFactory();

        using var response = await host.PostActivityAsync(ActivityBuilder.Execute("help.topic", new { topic = "../../etc" }));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExamplesButton_PostsExampleQuestionsAsAMessage()
    {
        using var host = new BotHostFactory();
        var submit = ActivityBuilder.Submit(new Dictionary<string, string> { ["verb"] = "help.examples", ["topic"] = "emergencies" });

        await host.PostActivityAsync(submit);

        var text = Assert.Single(host.Connector.SentTo(submit.Conversation!.Id!)).Activity!.Text;
        Assert.Contains("asthma attack", text, StringComparison.Ordinal);
    }

    private static JsonObject CardOf(SentActivity sent)
    {
        var attachment = Assert.Single(sent.Activity!.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        return attachment.Content!.AsObject();
    }

    private static string HelpCardText(SentActivity sent) => CardOf(sent)["body"]![1]!["text"]!.GetValue<string>();
}
