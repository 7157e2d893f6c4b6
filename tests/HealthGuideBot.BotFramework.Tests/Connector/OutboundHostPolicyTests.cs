using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Hosting;

namespace HealthGuideBot.BotFramework.Tests.Connector;

[Trait("Security", "D48")]
public sealed class OutboundHostPolicyTests
{
    private static OutboundHostPolicy Default(bool authenticationDisabled = false) =>
        OutboundHostPolicy.FromOptions(new BotFrameworkOptions
        {
            AppId = authenticationDisabled ? null : "app",
            DangerouslyAllowUnauthenticatedLoopbackRequests = authenticationDisabled,
        });

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea")]
    [InlineData("https://smba.trafficmanager.net/emea", "https://smba.trafficmanager.net/emea")]
    [InlineData("https://smba.trafficmanager.net", "https://smba.trafficmanager.net")]
    [InlineData("https://europe.webchat.botframework.com/", "https://europe.webchat.botframework.com")]
    [InlineData("https://SMBA.TrafficManager.NET/amer/", "https://smba.trafficmanager.net/amer")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/", "https://smba.infra.gov.teams.microsoft.us")]
    public void GetBaseUrl_ReturnsUrlWithoutTrailingSlash_WhenHostIsAllowed(string serviceUrl, string expected)
    {
        Assert.Equal(expected, Default().GetBaseUrl(serviceUrl));
    }

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("https://botframework.com/")] // "*.botframework.com" means sub-domains only
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://smba.trafficmanager.net.evil.com/")]
    [InlineData("http://smba.trafficmanager.net/")] // https only
    [InlineData("https://user:pw@smba.trafficmanager.net/")]
    [InlineData("https://smba.trafficmanager.net/emea/?x=1")]
    [InlineData("https://smba.trafficmanager.net/emea/#f")]
    [InlineData("http://127.0.0.1:56150/_connector")] // loopback needs authentication off
    [InlineData("/v3/conversations")]
    [InlineData("not a url")]
    [InlineData("")]
    public void GetBaseUrl_Refuses_WhenServiceUrlIsNotAllowed(string serviceUrl)
    {
        var refused = Assert.Throws<OutboundRequestRefusedException>(() => Default().GetBaseUrl(serviceUrl));
        Assert.Equal(OutboundRefusalReason.ServiceUrlNotAllowed, refused.Reason);
        if (serviceUrl.Length > 0)
        {
            Assert.DoesNotContain(serviceUrl, refused.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:56150/_connector", "http://127.0.0.1:56150/_connector")]
    [InlineData("http://localhost:3978/", "http://localhost:3978")]
    public void GetBaseUrl_AllowsLoopbackHttp_OnlyWhenAuthenticationIsDisabled(string serviceUrl, string expected)
    {
        Assert.Equal(expected, Default(authenticationDisabled: true).GetBaseUrl(serviceUrl));
        Assert.Throws<OutboundRequestRefusedException>(() => Default().GetBaseUrl(serviceUrl));
    }

    [Fact]
    public void GetBaseUrl_StillRefusesRemoteHttp_WhenAuthenticationIsDisabled()
    {
        Assert.Throws<OutboundRequestRefusedException>(() => Default(authenticationDisabled: true).GetBaseUrl("http://smba.trafficmanager.net/"));
        Assert.Throws<OutboundRequestRefusedException>(() => Default(authenticationDisabled: true).GetBaseUrl("https://evil.example.com/"));
    }

    [Fact]
    public void ConfiguredHosts_ReplaceTheDefaults()
    {
        var options = new BotFrameworkOptions { AppId = "app" };
        options.AllowedServiceUrlHosts.Add("connector.school.example");
        options.AllowedServiceUrlHosts.Add("*.partner.example");
        var policy = OutboundHostPolicy.FromOptions(options);

        Assert.Equal("https://connector.school.example", policy.GetBaseUrl("https://connector.school.example/"));
        Assert.Equal("https://a.b.partner.example", policy.GetBaseUrl("https://a.b.partner.example"));
        Assert.Throws<OutboundRequestRefusedException>(() => policy.GetBaseUrl("https://smba.trafficmanager.net/"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("*.")]
    [InlineData("smba.*.net")]
    [InlineData(" ")]
    public void FromOptions_RejectsMalformedEntries(string entry)
    {
        var options = new BotFrameworkOptions();
        options.AllowedServiceUrlHosts.Add(entry);

        Assert.Throws<ArgumentException>(() => OutboundHostPolicy.FromOptions(options));
    }
}
