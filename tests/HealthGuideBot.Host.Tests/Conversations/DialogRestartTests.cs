using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.Testing;
using HealthGuideBot.Testing.Dialogs;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Host.Tests.Conversations;

/// <summary>
/// A dialog in progress survives the host being stopped and started again over the same SQLite file
/// (security.md 53), and stays with the user who started it (56).
/// </summary>
public sealed class DialogRestartTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    [Trait("Security", "E53")]
    public async Task Dialog_ResumesWhereItWas_AfterTheHostIsRecreatedOverTheSameDatabase()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "hgb-host-tests", Guid.NewGuid().ToString("N"));
        const string conversation = "a:restart";

        using (var first = new BotHostFactory(services: AddSampleDialog, dataFolder: dataFolder))
        {
            await BeginSampleDialogAsync(first, conversation);
            await first.PostActivityAsync(ActivityBuilder.Message("first answer", conversation));
            var replies = await first.Connector.WaitForAsync(conversation, 1, Timeout);
            Assert.Equal(SampleFormDialog.Prompt(1), replies[0].Activity!.Text);
        }

        using var second = new BotHostFactory(services: AddSampleDialog, dataFolder: dataFolder);
        await second.PostActivityAsync(ActivityBuilder.Message("second answer", conversation));
        await second.PostActivityAsync(ActivityBuilder.Message("third answer", conversation));

        var after = await second.Connector.WaitForAsync(conversation, 2, Timeout);
        Assert.Equal(SampleFormDialog.Prompt(2), after[0].Activity!.Text);
        Assert.Equal("Done: first answer | second answer | third answer", after[1].Activity!.Text);
    }

    [Fact]
    [Trait("Security", "E56")]
    public async Task AnotherMemberOfAGroupChat_DoesNotContinueSomeoneElsesDialog()
    {
        using var host = new BotHostFactory(services: AddSampleDialog);
        const string conversation = "19:group-chat";
        await BeginSampleDialogAsync(host, conversation, userId: "29:nurse");

        await host.PostActivityAsync(ActivityBuilder.Message("help", conversation, userId: "29:teacher"));
        await host.PostActivityAsync(ActivityBuilder.Message("my answer", conversation, userId: "29:nurse"));

        var replies = await host.Connector.WaitForAsync(conversation, 2, Timeout);
        Assert.NotNull(replies[0].Activity!.Attachments); // the teacher's "help" got the help card, not the nurse's form
        Assert.Equal(SampleFormDialog.Prompt(1), replies[1].Activity!.Text);
    }

    [Fact]
    public async Task Cancel_EndsTheDialog_AndLaterMessagesGoToTheRoutes()
    {
        using var host = new BotHostFactory(services: AddSampleDialog);
        const string conversation = "a:cancel";
        await BeginSampleDialogAsync(host, conversation);

        await host.PostActivityAsync(ActivityBuilder.Message("cancel", conversation));
        await host.PostActivityAsync(ActivityBuilder.Message("help", conversation));

        var replies = await host.Connector.WaitForAsync(conversation, 2, Timeout);
        Assert.Equal("Cancelled", replies[0].Activity!.Text);
        Assert.NotNull(replies[1].Activity!.Attachments);
    }

    private static void AddSampleDialog(IServiceCollection services) => services.AddDialog<SampleFormDialog>();

    /// <summary>Starts the sample form the way a feature route would, in a turn of the real host's services.</summary>
    private static async Task BeginSampleDialogAsync(BotHostFactory host, string conversation, string userId = "29:user-1")
    {
        using var scope = host.Services.CreateScope();
        var turn = new TestTurnContext(ActivityBuilder.Message("start", conversation, userId), scope.ServiceProvider);
        var result = await scope.ServiceProvider.GetRequiredService<DialogManager>().BeginAsync<SampleFormDialog>(turn, CancellationToken.None);
        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal(SampleFormDialog.Prompt(0), Assert.Single(turn.SentTexts));
    }
}
