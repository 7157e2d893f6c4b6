using System.Net;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Host.Tests.Messaging;

public sealed class TurnTests
{
    [Fact]
    [Trait("Security", "C36")]
    public async Task RedeliveredActivity_RunsOnce_EvenWhenTheCopiesArriveTogether()
    {
        var probe = new ProbeBot { HoldTurns = new TaskCompletionSource() };
        using var host = new BotHostFactory(services: s => s.AddSingleton<IBot>(probe));
        var message = ActivityBuilder.Message("hello");

        var copies = Enumerable.Range(0, 3).Select(_ => host.PostActivityAsync(message)).ToArray();
        probe.HoldTurns.SetResult();
        var responses = await Task.WhenAll(copies);
        using var later = await host.PostActivityAsync(message);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Single(probe.Seen);
        Assert.Single(host.Connector.Sent);
    }

    [Fact]
    [Trait("Security", "E55")]
    public async Task TurnsOfOneConversation_RunOneAtATime()
    {
        var probe = new ProbeBot();
        using var host = new BotHostFactory(services: s => s.AddSingleton<IBot>(probe));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => host.PostActivityAsync(ActivityBuilder.Message($"m{i}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(10, probe.Seen.Count);
        Assert.Equal(1, probe.MaxInFlight);
    }

    [Fact]
    public async Task TurnsOfDifferentConversations_RunInParallel()
    {
        var probe = new ProbeBot { HoldTurns = new TaskCompletionSource() };
        using var host = new BotHostFactory(services: s => s.AddSingleton<IBot>(probe));

        var posts = Enumerable.Range(0, 4).Select(i => host.PostActivityAsync(ActivityBuilder.Message("x", conversationId: $"a:c{i}"))).ToArray();
        while (probe.Seen.Count < 4)
        {
            await Task.Yield();
        }

        probe.HoldTurns.SetResult();
        await Task.WhenAll(posts);

        Assert.Equal(4, probe.MaxInFlight);
    }
}
