namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>
/// The persisted state of one active dialog. <see cref="Version"/> is the optimistic-concurrency token: it starts at
/// 1 and grows by one on every save, and a save or delete naming a stale version is refused.
/// </summary>
/// <param name="DialogId">The <see cref="Dialog.Id"/> of the dialog that owns the state.</param>
/// <param name="SchemaVersion">The <see cref="Dialog.SchemaVersion"/> the state was written with.</param>
/// <param name="StateJson">The state record, serialised with the dialog's source-generated contract.</param>
/// <param name="Version">The concurrency token of the stored row.</param>
/// <param name="UpdatedAt">When the state was last saved.</param>
public sealed record StoredDialogState(string DialogId, int SchemaVersion, string StateJson, long Version, DateTimeOffset UpdatedAt);
