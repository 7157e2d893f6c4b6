using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.BotFramework.Tests.Turns;

public sealed class ConversationTurnQueueTests
{
    [Fact]
    [Trait("Security", "E55")]
    public async Task EnterAsync_LetsOneTurnPerConversationIn_AndKeepsArrivalOrder()
    {
        var queue = new ConversationTurnQueue();
        var first = await queue.EnterAsync("c", CancellationToken.None);
        var order = new List<int>();
        var waiting = Enumerable.Range(1, 5).Select(async i =>
        {
            using (await queue.EnterAsync("c", CancellationToken.None))
            {
                order.Add(i);
            }
        }).ToArray();

        Assert.All(waiting, t => Assert.False(t.IsCompleted));
        first.Dispose();
        await Task.WhenAll(waiting);

        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task EnterAsync_DoesNotHoldBackOtherConversations()
    {
        var queue = new ConversationTurnQueue();
        using var busy = await queue.EnterAsync("a", CancellationToken.None);

        var other = queue.EnterAsync("b", CancellationToken.None);

        Assert.True(other.IsCompleted);
        (await other).Dispose();
    }

    [Fact]
    public async Task Gates_AreDropped_WhenConversationsGoIdle()
    {
        var queue = new ConversationTurnQueue();
        for (var i = 0; i < 100; i++)
        {
            using (await queue.EnterAsync($"c{i}", CancellationToken.None))
            {
            }
        }

        Assert.Equal(0, queue.ActiveConversations);
    }

    [Fact]
    public async Task EnterAsync_ReleasesItsPlace_WhenCancelledWhileWaiting()
    {
        var queue = new ConversationTurnQueue();
        var holder = await queue.EnterAsync("c", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiter = queue.EnterAsync("c", cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        holder.Dispose();

        Assert.Equal(0, queue.ActiveConversations);
    }
}
