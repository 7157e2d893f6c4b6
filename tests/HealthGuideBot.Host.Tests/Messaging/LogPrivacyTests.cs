using System.Collections.Concurrent;
using HealthGuideBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Host.Tests.Messaging;

/// <summary>
/// No pupil data or message text in logs (security.md 82): a conversation full of canary values, every log record at
/// the most verbose level captured, and not one canary anywhere in a message, a property or an exception.
/// </summary>
public sealed class LogPrivacyTests
{
    private const string PupilName = "Zebedee Canaryfield";
    private const string DateOfBirth = "03/04/2017";
    private const string NhsNumber = "943 476 5919";
    private const string Diagnosis = "hypoglycaemiacanary";

    [Fact]
    [Trait("Security", "G82")]
    public async Task Logs_HoldNoCanaryFromMessages_AtTraceLevel()
    {
        var sink = new CapturingLoggerProvider();
        using var host = new BotHostFactory(
            new() { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft"] = "Trace" },
            services => services.AddSingleton<ILoggerProvider>(sink));
        string[] messages =
        [
            $"{PupilName} born {DateOfBirth} NHS {NhsNumber} is having a hypo",
            $"can {PupilName} have paracetamol for {Diagnosis}?",
            $"what is {PupilName}'s favourite colour",
            "help",
        ];

        foreach (var text in messages)
        {
            await host.PostActivityAsync(ActivityBuilder.Message(text));
        }

        await host.PostActivityAsync(ActivityBuilder.Message(PupilName) with { Type = null }); // a rejected request too

        Assert.True(sink.Records.Length > 20, $"Only {sink.Records.Length} log records were captured; the test would prove nothing.");
        foreach (var canary in new[] { "Zebedee", "Canaryfield", DateOfBirth, NhsNumber, "5919", Diagnosis })
        {
            Assert.DoesNotContain(sink.Records, record => record.Contains(canary, StringComparison.OrdinalIgnoreCase));
        }
    }
}
