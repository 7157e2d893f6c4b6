using System.Text.Json;
using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Questions;
using HealthGuideBot.Host.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Host.Tests.CommandLine;

/// <summary><c>ask --json</c>: the same answers as Teams, in the documented JSON shape.</summary>
public sealed class AskCommandTests : IDisposable
{
    private readonly BotHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Ask_PrintsAnEmergencyAsEmergencyWithItsDocument()
    {
        var json = await AskJsonAsync("pupil having an asthma attack");

        Assert.True(json.GetProperty("emergency").GetBoolean());
        Assert.Equal("emergency-asthma", json.GetProperty("topic").GetString());
        Assert.Equal("emergency-asthma", json.GetProperty("citations")[0].GetProperty("documentId").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", json.GetProperty("citations")[0].GetProperty("reviewed").GetString());
        Assert.Equal(1.0, json.GetProperty("confidence").GetDouble());
    }

    [Fact]
    public async Task Ask_PrintsAPolicyAnswerWithCitationsAndConfidence()
    {
        var json = await AskJsonAsync("who writes an individual healthcare plan?");

        Assert.False(json.GetProperty("emergency").GetBoolean());
        Assert.Equal("guidance-ihp", json.GetProperty("topic").GetString());
        Assert.InRange(json.GetProperty("confidence").GetDouble(), 0.0, 1.0);
        Assert.All(json.GetProperty("citations").EnumerateArray(), c =>
        {
            foreach (var field in new[] { "documentId", "title", "section", "reviewed" })
            {
                Assert.False(string.IsNullOrEmpty(c.GetProperty(field).GetString()), field);
            }
        });
    }

    [Fact]
    public async Task Ask_PrintsANullTopic_WhenTheBotDeclines()
    {
        var json = await AskJsonAsync("what is the capital of France?");

        Assert.Equal(JsonValueKind.Null, json.GetProperty("topic").ValueKind);
        Assert.Empty(json.GetProperty("citations").EnumerateArray());
        Assert.Equal(0, json.GetProperty("confidence").GetDouble());
    }

    private async Task<JsonElement> AskJsonAsync(string question)
    {
        var services = _host.Services;
        var asker = new Asker(services.GetRequiredService<EmergencyRouter>(), services.GetRequiredService<EmergencyResponder>(), services.GetRequiredService<QuestionAnswerer>());
        var result = await asker.AskAsync(question, CancellationToken.None);
        return JsonSerializer.SerializeToElement(result, CommandLineJsonContext.Default.AskResult);
    }
}
