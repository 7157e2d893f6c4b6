using System.Buffers;
using System.Text.Json;

namespace HealthGuideBot.LoadTool.Load;

/// <summary>Writes Teams-shaped message activities straight to UTF-8, cheaply: the tool shares its CPU with the target.</summary>
internal sealed class ActivityFactory(Uri serviceUrl, TimeProvider timeProvider)
{
    private const string BotId = "28:hgb-load-bot";
    private readonly string _serviceUrl = serviceUrl.ToString();

    public ReadOnlyMemory<byte> CreateMessage(VirtualUser user, string activityId, string text)
    {
        var now = timeProvider.GetUtcNow();
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "message");
            json.WriteString("id", activityId);
            json.WriteString("timestamp", now);
            json.WriteString("localTimestamp", now.ToOffset(TimeSpan.Zero));
            json.WriteString("serviceUrl", _serviceUrl);
            json.WriteString("channelId", "msteams");

            json.WriteStartObject("from");
            json.WriteString("id", user.UserId);
            json.WriteString("name", user.UserName);
            json.WriteString("aadObjectId", user.AadObjectId);
            json.WriteEndObject();

            json.WriteStartObject("conversation");
            json.WriteString("conversationType", "personal");
            json.WriteString("tenantId", user.TenantId);
            json.WriteString("id", user.ConversationId);
            json.WriteEndObject();

            json.WriteStartObject("recipient");
            json.WriteString("id", BotId);
            json.WriteString("name", "HealthGuideBot");
            json.WriteEndObject();

            json.WriteString("textFormat", "plain");
            json.WriteString("locale", "en-GB");
            json.WriteString("text", text);

            json.WriteStartArray("entities");
            json.WriteStartObject();
            json.WriteString("type", "clientInfo");
            json.WriteString("locale", "en-GB");
            json.WriteString("country", "GB");
            json.WriteString("platform", "Web");
            json.WriteString("timezone", "Europe/London");
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("channelData");
            json.WriteStartObject("tenant");
            json.WriteString("id", user.TenantId);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
