namespace HealthGuideBot.LoadTool.Load;

/// <summary>One Teams user in a personal (1:1) chat with the bot.</summary>
internal sealed record VirtualUser(string ConversationId, string UserId, string UserName, string AadObjectId, string TenantId);
