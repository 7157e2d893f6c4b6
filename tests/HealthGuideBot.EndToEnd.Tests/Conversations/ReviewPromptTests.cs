using System.Net.Http.Json;
using HealthGuideBot.BotFramework.Proactive;
using HealthGuideBot.EndToEnd.Tests.Playground;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Sdk;

namespace HealthGuideBot.EndToEnd.Tests.Conversations;

/// <summary>
/// A scheduled review prompt reaches the nurse's chat in the Playground: the chat is opened (the bot stores its
/// reference), a review due today is scheduled and the Development-only trigger runs the sweep.
/// </summary>
[Collection(SharedPlayground.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ReviewPromptTests(PlaygroundFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = PlaygroundClient.DefaultTimeout;

    [Fact]
    public Task ReviewPrompt_DueToday_ArrivesInTheNursesChat() => fixture.RunAsync(output, async playground =>
    {
        await playground.SendMessageAsync("help", CancellationToken.None);
        await playground.WaitForMessageAsync(m => m.HasAdaptiveCard, Timeout);
        string nurseUserId;
        using (var scope = fixture.Bot.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>()
                .FindAsync(playground.Config.ChannelId, playground.ChatId, CancellationToken.None);
            nurseUserId = stored?.UserId ?? throw new XunitException("The bot stored no reference for the Playground chat after a turn in it.");
            Assert.True(stored.IsPersonal, "The Playground chat is not stored as a personal (1:1) conversation.");
        }

        using var http = new HttpClient { BaseAddress = new Uri(fixture.Bot.MessagesEndpoint, "/") };
        var planId = $"plan-e2e-{Guid.NewGuid():N}";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);

        using var scheduled = await http.PostAsJsonAsync(
            "/dev/reviews/schedule",
            new { planId, version = 1, pupilId = "P0001", dueDate = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), responsibleNurseUserId = nurseUserId });
        Assert.True(scheduled.IsSuccessStatusCode, $"schedule answered {(int)scheduled.StatusCode}");
        playground.StartAction();
        using var swept = await http.PostAsync("/dev/reviews/sweep", null);
        Assert.True(swept.IsSuccessStatusCode, $"sweep answered {(int)swept.StatusCode}");

        var prompt = await playground.WaitForMessageAsync(
            m => m.HasAdaptiveCard && m.AdaptiveCards.Any(c => c.TextBlocks.Contains("Healthcare plan review due today")),
            Timeout);
        var card = prompt.AdaptiveCards.Single();
        Assert.Contains(card.Actions, a => a.Verb == "plans.review.start");
        Assert.Contains(card.Actions, a => a.Verb == "plans.review.snooze");
    });
}
