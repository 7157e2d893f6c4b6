using HealthGuideBot.Core.Attendance;
using HealthGuideBot.EndToEnd.Tests.Playground;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.EndToEnd.Tests.Conversations;

/// <summary>
/// Ten days of health-related absence reach the SENCO's chat as a prompt offering a panel referral, and its button
/// opens that referral with the days missed already filled in. The SENCO here is the Playground's own user (the
/// end-to-end roster); the absence goes in through <see cref="IAttendanceFeed"/>, the interface an MIS feed uses.
/// </summary>
[Collection(SharedPlayground.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AttendanceTriggerTests(PlaygroundFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = PlaygroundClient.DefaultTimeout;

    [Fact]
    public Task TenDaysOfHealthAbsence_OfferTheSencoAPanelReferral_ThatOpensPrefilled() => fixture.RunAsync(output, async playground =>
    {
        await playground.SendMessageAsync("help", CancellationToken.None);
        await playground.WaitForMessageAsync(m => m.HasAdaptiveCard, Timeout);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var days = Enumerable.Range(1, 30).Select(i => today.AddDays(-i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Take(10)
            .Select(d => new AttendanceRecord("P0003", d, AttendanceSession.WholeDay, "I"))
            .ToList();
        playground.StartAction();
        using (var scope = fixture.Bot.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IAttendanceFeed>().ImportAsync(days, CancellationToken.None);
        }

        var prompt = await playground.WaitForMessageAsync(
            m => m.HasAdaptiveCard && m.AdaptiveCards.Any(c => c.Actions.Any(a => a.Verb == "referrals.start")), Timeout);
        var card = prompt.AdaptiveCards.Single();
        Assert.Contains(card.TextBlocks, t => t.Contains("Leo Novak", StringComparison.Ordinal));
        Assert.Contains(card.TextBlocks, t => t.Contains("15", StringComparison.Ordinal) && t.Contains("local authority", StringComparison.Ordinal));

        playground.StartAction();
        var answer = await playground.ExecuteAsync(prompt.MessageId, card.Actions.Single(a => a.Verb == "referrals.start"), CancellationToken.None);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        var opened = await playground.WaitForMessageAsync(m => m.Text?.Contains("Multi-Agency Assessment Panel", StringComparison.Ordinal) == true, Timeout);
        Assert.Contains("Leo Novak", opened.Text, StringComparison.Ordinal);

        // Leave no form open for the next test in the shared chat.
        await playground.SendMessageAsync("cancel", CancellationToken.None);
        await playground.WaitForMessageAsync(m => m.Text?.Contains("cancel", StringComparison.OrdinalIgnoreCase) == true, Timeout);
    });
}
