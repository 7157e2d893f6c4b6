using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.Testing;

namespace HealthGuideBot.BotFramework.Tests.Authentication;

/// <summary>The serviceUrl host allow-list shared by the endpoint and the connector: security.md §5 A18, A48.</summary>
public sealed class ServiceUrlAllowListTests
{
    private static BotFrameworkOptions Production() => new() { AppId = TestIdentities.BotAppId };

    [Theory]
    [Trait("Security", "A18")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://SMBA.TrafficManager.net/amer/")]
    [InlineData("https://europe.webchat.botframework.com/")]
    [InlineData("https://canary.teams.microsoft.com/x")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc/")]
    public void IsAllowed_True_WhenHostMatchesDefaultList(string serviceUrl)
    {
        Assert.True(ServiceUrlAllowList.IsAllowed(serviceUrl, Production()));
    }

    [Theory]
    [Trait("Security", "A18")]
    [InlineData("https://attacker.example/emea/")]
    [InlineData("https://evilbotframework.com/")] // suffix without the dot boundary
    [InlineData("https://botframework.com/")] // "*.x" does not match x itself
    [InlineData("https://smba.trafficmanager.net.attacker.example/")]
    [InlineData("https://smba.trafficmanager.net./emea/")] // trailing-dot host
    [InlineData("http://smba.trafficmanager.net/emea/")] // https required
    [InlineData("https://user@smba.trafficmanager.net/emea/")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("https://127.0.0.1/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("/relative/path")]
    [InlineData("")]
    [InlineData(null)]
    public void IsAllowed_False_WhenHostOrSchemeIsNotAllowed(string? serviceUrl)
    {
        Assert.False(ServiceUrlAllowList.IsAllowed(serviceUrl, Production()));
    }

    [Fact]
    [Trait("Security", "A18")]
    public void IsAllowed_UsesConfiguredListInsteadOfDefaults_WhenListIsConfigured()
    {
        var options = Production();
        options.AllowedServiceUrlHosts.Add("connector.school.example");

        Assert.True(ServiceUrlAllowList.IsAllowed("https://connector.school.example/", options));
        Assert.False(ServiceUrlAllowList.IsAllowed("https://smba.trafficmanager.net/emea/", options));
    }

    [Theory]
    [Trait("Security", "A18")]
    [InlineData("http://127.0.0.1:5123/")]
    [InlineData("http://localhost:3978/")]
    [InlineData("http://[::1]:3978/")]
    public void IsAllowed_True_WhenLoopbackAndAuthenticationIsDisabled(string serviceUrl)
    {
        var options = new BotFrameworkOptions { DangerouslyAllowUnauthenticatedLoopbackRequests = true };

        Assert.True(ServiceUrlAllowList.IsAllowed(serviceUrl, options));
        Assert.False(ServiceUrlAllowList.IsAllowed("http://192.168.1.10:3978/", options));
        Assert.False(ServiceUrlAllowList.IsAllowed("http://attacker.example/", options));
    }

    [Fact]
    [Trait("Security", "A18")]
    public void IsAllowed_AllowsHttpOnlyForListedLoopbackHost_WhenInsecureLoopbackIsOn()
    {
        var options = Production();
        options.AllowInsecureLoopbackServiceUrls = true;
        options.AllowedServiceUrlHosts.Add("127.0.0.1");

        Assert.True(ServiceUrlAllowList.IsAllowed("http://127.0.0.1:5123/", options));
        Assert.False(ServiceUrlAllowList.IsAllowed("http://localhost:5123/", options)); // not listed
        Assert.False(ServiceUrlAllowList.IsAllowed("http://smba.trafficmanager.net/", options)); // not loopback
    }

    [Theory]
    [InlineData("smba.trafficmanager.net", true)]
    [InlineData("*.botframework.com", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("*", false)]
    [InlineData("*.com", false)]
    [InlineData("https://smba.trafficmanager.net", false)]
    [InlineData("smba.trafficmanager.net/emea", false)]
    [InlineData("smba.trafficmanager.net:443", false)]
    [InlineData("*.", false)]
    [InlineData("", false)]
    public void IsValidPattern_ClassifiesPatterns(string pattern, bool valid)
    {
        Assert.Equal(valid, ServiceUrlAllowList.IsValidPattern(pattern));
    }
}
