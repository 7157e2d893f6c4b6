namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>
/// A dialog put aside for later ("save for later"). A draft belongs to one user (<see cref="Owner"/>): stores return
/// it only to that user, whichever conversation asks.
/// </summary>
/// <param name="DraftId">Opaque id, unique across users.</param>
/// <param name="Owner">The user who saved the draft.</param>
/// <param name="DialogId">The dialog that can resume it.</param>
/// <param name="SchemaVersion">The schema version of <paramref name="StateJson"/>.</param>
/// <param name="StateJson">The state record when the draft was saved.</param>
/// <param name="Label">A short label to show the owner in a list of drafts (from <see cref="Dialog{TState}.DescribeDraft"/>).</param>
/// <param name="OriginConversationId">The conversation the draft was saved from.</param>
/// <param name="SavedAt">When the draft was saved.</param>
public sealed record StoredDialogDraft(
    string DraftId,
    DialogUser Owner,
    string DialogId,
    int SchemaVersion,
    string StateJson,
    string Label,
    string OriginConversationId,
    DateTimeOffset SavedAt);
