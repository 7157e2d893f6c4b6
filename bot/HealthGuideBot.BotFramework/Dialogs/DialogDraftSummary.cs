namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>A draft as listed to its owner: no state, only what identifies it.</summary>
public sealed record DialogDraftSummary(string DraftId, string DialogId, string Label, DateTimeOffset SavedAt);
