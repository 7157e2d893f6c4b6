using System.Text.Json;
using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.BotFramework.Tests.Schema;

public sealed class ActivitySerializationTests
{
    [Fact]
    [Trait("Spec", "A2005")]
    public void A2005_UnknownFieldsSurviveRoundTrip()
    {
        const string json = """
            {"type":"message","id":"1","text":"hi","futureTopLevel":{"nested":[1,2,3]},
             "from":{"id":"u","futureUserField":"x"},"conversation":{"id":"c","futureConversationField":true},
             "entities":[{"type":"clientInfo","locale":"en-GB","platform":"Web"}]}
            """;

        var activity = JsonSerializer.Deserialize(json, BotFrameworkJsonContext.Default.Activity)!;
        var written = JsonSerializer.SerializeToElement(activity, BotFrameworkJsonContext.Default.Activity);

        Assert.Equal(JsonValueKind.Array, written.GetProperty("futureTopLevel").GetProperty("nested").ValueKind);
        Assert.Equal("x", written.GetProperty("from").GetProperty("futureUserField").GetString());
        Assert.True(written.GetProperty("conversation").GetProperty("futureConversationField").GetBoolean());
        Assert.Equal("Web", written.GetProperty("entities")[0].GetProperty("platform").GetString());
    }

    [Fact]
    public void Serialize_OmitsNullFields_SoTheChannelSeesOnlyWhatWasSet()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = "message", Text = "hello" }, BotFrameworkJsonContext.Default.Activity);

        Assert.Equal("""{"type":"message","text":"hello"}""", json);
    }

    [Fact]
    public void GetTextWithoutMentionsOf_RemovesOnlyTheBotsMention()
    {
        var activity = new Activity
        {
            Text = "<at>HealthGuideBot</at> help <at>Sam</at>",
            Entities =
            [
                new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "bot" }, Text = "<at>HealthGuideBot</at>" },
                new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "someone-else" }, Text = "<at>Sam</at>" },
            ],
        };

        Assert.Equal("help <at>Sam</at>", activity.GetTextWithoutMentionsOf("bot"));
    }

    [Fact]
    public void GetChannelDataTenantId_ReadsTeamsTenant_AndIsNullWhenAbsent()
    {
        var withTenant = JsonSerializer.Deserialize("""{"type":"message","channelData":{"tenant":{"id":"t-1"}}}""", BotFrameworkJsonContext.Default.Activity)!;
        var without = JsonSerializer.Deserialize("""{"type":"message","channelData":{"tenant":"t-1"}}""", BotFrameworkJsonContext.Default.Activity)!;

        Assert.Equal("t-1", withTenant.GetChannelDataTenantId());
        Assert.Null(without.GetChannelDataTenantId());
    }
}
