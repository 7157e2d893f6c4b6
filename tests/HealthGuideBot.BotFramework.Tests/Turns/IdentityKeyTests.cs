using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.BotFramework.Tests.Turns;

public sealed class IdentityKeyTests
{
    [Theory]
    [InlineData("a:ab", "c", "a:a", "bc")]
    [InlineData("a:one", "1", "a:one", "2")]
    [InlineData("a:one", "1", "a:onf", "1")]
    [InlineData("", "x", "x", "")]
    public void Of_SeparatesTuples_ThatConcatenateAlike(string firstA, string secondA, string firstB, string secondB)
    {
        Assert.NotEqual(IdentityKey.Of(firstA, secondA), IdentityKey.Of(firstB, secondB));
    }

    [Fact]
    public void Of_IsStable_AndTellsNullFromEmpty()
    {
        Assert.Equal(IdentityKey.Of("msteams", "a:one", "29:user"), IdentityKey.Of("msteams", "a:one", "29:user"));
        Assert.NotEqual(IdentityKey.Of("msteams", null), IdentityKey.Of("msteams", string.Empty));
        Assert.NotEqual(IdentityKey.Of("a", "b"), IdentityKey.Of("a", "b", null));
    }

    [Fact]
    public void Of_HandlesPartsLongerThanTheStackBuffer()
    {
        var longId = "19:" + new string('é', 2_000) + "@thread.tacv2";

        Assert.Equal(IdentityKey.Of(longId, "1"), IdentityKey.Of(longId, "1"));
        Assert.NotEqual(IdentityKey.Of(longId, "1"), IdentityKey.Of(longId + "x", "1"));
    }
}
