namespace HealthGuideBot.EndToEnd.Tests.Cards;

/// <summary>
/// Every card template, bound with its sample data, renders with the official Adaptive Cards renderer in headless
/// Chromium with no parse event, no <c>validateProperties()</c> event, no exception and no console error; and the
/// pipeline still rejects a broken card (so a green run means the cards are good, not that nothing was checked).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class CardRenderingTests(CardRenderFixture fixture, ITestOutputHelper output) : IClassFixture<CardRenderFixture>
{
    public static TheoryData<string> TemplateNames() => [.. CardRenderFixture.TemplateNames];

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Template_BoundWithItsSample_RendersCleanly(string name)
    {
        Assert.True(fixture.Results.TryGetValue(name, out var result), $"render-cards.cjs returned no result for {name}");
        output.WriteLine($"{name}: {result.Ms} ms, {result.Width}x{result.Height} px, screenshot {result.Screenshot ?? "(none)"}");

        Assert.True(result.Ok, $"{name} did not render cleanly:\n  {string.Join("\n  ", result.Problems)}");
        Assert.True(result.Rendered);
        Assert.True(result.Height > 0, $"{name} rendered with no height");
        Assert.Equal(450, result.Width);
    }

    [Fact]
    public void TheRenderPage_HadNoErrors_AndRenderedEveryCard()
    {
        output.WriteLine($"adaptivecards {fixture.Run.Renderer}, Chromium {fixture.Run.Chromium}, {fixture.Run.Timings.TotalMs} ms in all");
        foreach (var blocked in fixture.Run.BlockedRequests)
        {
            output.WriteLine($"blocked request (no network in tests): {blocked}");
        }

        Assert.Empty(fixture.Run.PageErrors);
        Assert.Equal(CardRenderFixture.TemplateNames.Count() + 1, fixture.Run.Results.Count);
        Assert.NotEmpty(fixture.Run.Renderer);
        Assert.NotEmpty(fixture.Run.Chromium);
    }

    [Fact]
    public void ABrokenCard_IsRejected_ForEachOfItsFaults()
    {
        var canary = fixture.Results[CardRenderFixture.CanaryName];

        Assert.False(canary.Ok);
        Assert.Contains(canary.Problems, p => p.Contains("UnknownElementType", StringComparison.Ordinal) && p.Contains("Media", StringComparison.Ordinal));
        Assert.Contains(canary.Problems, p => p.Contains("InvalidPropertyValue", StringComparison.Ordinal) && p.Contains("huge", StringComparison.Ordinal));
        Assert.Contains(canary.Problems, p => p.Contains("RequiredInputsShouldHaveLabel", StringComparison.Ordinal));
        Assert.Contains(canary.Problems, p => p.Contains("RequiredInputsShouldHaveErrorMessage", StringComparison.Ordinal));
        Assert.Contains(canary.Problems, p => p.Contains("UnsupportedCardVersion", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryRenderedTemplate_HasAScreenshot()
    {
        foreach (var name in CardRenderFixture.TemplateNames)
        {
            var screenshot = fixture.Results[name].Screenshot;
            Assert.False(string.IsNullOrEmpty(screenshot), $"{name} has no screenshot");
            Assert.True(File.Exists(screenshot), $"{screenshot} is missing");
            Assert.True(new FileInfo(screenshot).Length > 1000, $"{screenshot} is nearly empty");
        }
    }
}
