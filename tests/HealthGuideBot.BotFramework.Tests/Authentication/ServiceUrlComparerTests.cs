using HealthGuideBot.BotFramework.Authentication;

namespace HealthGuideBot.BotFramework.Tests.Authentication;

/// <summary>serviceurl claim vs activity.serviceUrl: security.md §5 A17.</summary>
public sealed class ServiceUrlComparerTests
{
    [Theory]
    [Trait("Security", "A17")]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://SMBA.trafficmanager.NET/emea/")]
    [InlineData("HTTPS://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea")]
    [InlineData("https://smba.trafficmanager.net", "https://smba.trafficmanager.net/")]
    public void AreEquivalent_True_WhenOnlySchemeHostCaseOrOneTrailingSlashDiffer(string claim, string serviceUrl)
    {
        Assert.True(ServiceUrlComparer.AreEquivalent(claim, serviceUrl));
        Assert.True(ServiceUrlComparer.AreEquivalent(serviceUrl, claim));
    }

    [Theory]
    [Trait("Security", "A17")]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/EMEA/")] // path is case-sensitive
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea//")]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/x/../emea/")]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/%65mea/")]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net:443/emea/")]
    [InlineData("https://smba.trafficmanager.net/emea/", "http://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://attacker.example/emea/")]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://x@smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea/?a=1")]
    [InlineData("https://smba.trafficmanager.net/emea/", "not a url")]
    [InlineData("https://smba.trafficmanager.net/emea/", "")]
    [InlineData("", "")]
    public void AreEquivalent_False_WhenAnythingElseDiffers(string claim, string serviceUrl)
    {
        Assert.False(ServiceUrlComparer.AreEquivalent(claim, serviceUrl));
    }
}
