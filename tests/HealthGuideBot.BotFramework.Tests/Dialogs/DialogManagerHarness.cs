using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.Testing.Dialogs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.BotFramework.Tests.Dialogs;

/// <summary>A <see cref="DialogManager"/> over a given store, with the sample form registered and a fake clock.</summary>
internal sealed class DialogManagerHarness
{
    public DialogManagerHarness(IDialogStateStore? store = null, params Dialog[] dialogs)
    {
        Store = store ?? new InMemoryDialogStateStore();
        Manager = new DialogManager(
            Store,
            dialogs.Length == 0 ? [new SampleFormDialog()] : dialogs,
            Options.Create(new DialogManagerOptions()),
            Time,
            NullLogger<DialogManager>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public IDialogStateStore Store { get; }

    public DialogManager Manager { get; }

    public async Task<(DialogTurnResult Result, TestTurnContext Turn)> SayAsync(string text, string user, string conversation = DialogTestActivities.GroupChatId)
    {
        var turn = new TestTurnContext(DialogTestActivities.Message(text, user, conversation));
        return (await Manager.ContinueAsync(turn, CancellationToken.None), turn);
    }

    public async Task<(DialogTurnResult Result, TestTurnContext Turn)> BeginFormAsync(string user, string conversation = DialogTestActivities.GroupChatId)
    {
        var turn = new TestTurnContext(DialogTestActivities.Message("start the form", user, conversation));
        return (await Manager.BeginAsync<SampleFormDialog>(turn, CancellationToken.None), turn);
    }
}
