using System.Collections.Concurrent;
using HealthGuideBot.Core.Notifications;
using HealthGuideBot.Host.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Host.Tests.Attendance;

/// <summary>An import that prompts the SENCO logs no pupil name and no absence count, even at Trace.</summary>
public sealed class AttendanceLogPrivacyTests
{
    [Fact]
    [Trait("Security", "G82")]
    public async Task ImportAndPrompt_LogNoPupilNamesOrDayCounts_AtTraceLevel()
    {
        var sink = new CapturingLoggerProvider();
        var notifier = new RecordingStaffNotifier();
        using var host = new BotHostFactory(
            new()
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft"] = "Trace",
                ["HealthGuideBot:Attendance:CheckInterval"] = "00:00:00",
                ["HealthGuideBot:Attendance:Terms:0:Start"] = "2026-09-02",
                ["HealthGuideBot:Attendance:Terms:0:End"] = "2026-12-18",
            },
            services =>
            {
                services.AddSingleton<ILoggerProvider>(sink);
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero)));
                services.AddSingleton<IStaffNotifier>(notifier);
            });
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await AttendanceImportCommand.RunAsync(host.Services, Path.Combine(AppContext.BaseDirectory, "Attendance", "health-absence.sample.csv"), output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Single(notifier.Sent);
        Assert.Contains(sink.Records, r => r.Contains("newly prompted", StringComparison.Ordinal));
        foreach (var canary in new[] { "Sam", "Taylor", "Amira", "Khan", "10 days", "9½" })
        {
            Assert.DoesNotContain(sink.Records, record => record.Contains(canary, StringComparison.Ordinal));
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _records = new();

        public string[] Records => [.. _records];

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(_records);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(ConcurrentQueue<string> records) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
                records.Enqueue($"{formatter(state, exception)}|{properties}|{exception}");
            }
        }
    }
}
