using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthGuideBot.Core.Attendance;
using HealthGuideBot.Core.Notifications;
using HealthGuideBot.Host.CommandLine;
using HealthGuideBot.Host.Conversations.Attendance;
using HealthGuideBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Host.Tests.Attendance;

/// <summary>
/// <c>attendance import</c> end to end in the real host (Development roster: Megan Bowen is the SENCO): the sample
/// file is stored, Sam Taylor (10 days) prompts the SENCO once, Amira Khan (9½ days) does not.
/// </summary>
public sealed class AttendanceImportCommandTests : IDisposable
{
    private const string MeganBowen = "00000000-0000-0000-0000-0000000000021";
    private static readonly string SampleFile = Path.Combine(AppContext.BaseDirectory, "Attendance", "health-absence.sample.csv");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
    private readonly RecordingStaffNotifier _notifier = new();
    private readonly BotHostFactory _host;

    public AttendanceImportCommandTests() => _host = NewHost(_notifier, dataFolder: null);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Import_StoresTheFile_AndPromptsTheSencoOnce_ForThePupilAtTenDays()
    {
        var (exit, output, error) = await ImportAsync(_host, SampleFile);

        Assert.True(exit == 0, error);
        Assert.Contains("Imported health-absence.sample.csv: 44 session(s) added, 0 updated, 0 already held, 0 removed (register corrected), 1 ignored (not health-related).", output, StringComparison.Ordinal);
        Assert.Contains("1 session(s) appeared more than once", output, StringComparison.Ordinal);
        Assert.Contains("SENCOs prompted about 1 pupil(s).", output, StringComparison.Ordinal);
        var prompt = Assert.Single(_notifier.Sent);
        Assert.Equal(MeganBowen, prompt.UserId);
        Assert.Equal($"attendance:P0001:autumn-2026:10:{MeganBowen}", prompt.Key);
        Assert.DoesNotContain("Sam", prompt.FallbackText, StringComparison.Ordinal);

        var card = JsonNode.Parse(prompt.Card.GetRawText())!;
        var text = card.ToJsonString();
        Assert.Contains("\"value\":\"Sam Taylor\"", text, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"5B\"", text, StringComparison.Ordinal);
        Assert.Contains("10 days (Autumn 2026)", text, StringComparison.Ordinal);
        Assert.Contains("15 school days or more, whether consecutive or cumulative", text, StringComparison.Ordinal);
        var start = card["actions"]![0]!;
        Assert.Equal(("Action.Execute", "referrals.start"), (start["type"]!.GetValue<string>(), start["verb"]!.GetValue<string>()));
        Assert.Equal("multi-agency-panel", start["data"]!["service"]!.GetValue<string>());
        Assert.Equal("P0001", start["data"]!["pupilId"]!.GetValue<string>());
        Assert.Equal(10m, start["data"]!["healthAbsenceDays"]!.GetValue<decimal>());
        Assert.Equal("Not now", card["actions"]![1]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task ImportingTheSameFileAgain_ChangesNothing_AndSendsNothing()
    {
        await ImportAsync(_host, SampleFile);

        var (exit, output, _) = await ImportAsync(_host, SampleFile);

        Assert.Equal(0, exit);
        Assert.Contains("0 session(s) added, 0 updated, 44 already held", output, StringComparison.Ordinal);
        Assert.Contains("SENCOs prompted about 0 pupil(s).", output, StringComparison.Ordinal);
        Assert.Single(_notifier.Sent);
        Assert.Equal(20, (await CountAsync(_host))["P0001"]);
        Assert.Equal(19, (await CountAsync(_host))["P0002"]);
    }

    [Fact]
    public async Task Import_ImportsNothing_AndNamesEachBadLine_WhenAnyRowIsBad()
    {
        var file = Path.Combine(_host.DataFolder, "bad.csv");
        await File.WriteAllLinesAsync(file, ["pupil_id,date,session,code", "P0001,2026-11-02,DAY,I", "P0002,2026-13-01,AM,I", "P0003,2026-11-02,NOON,I"]);

        var (exit, output, error) = await ImportAsync(_host, file);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("Nothing imported from bad.csv: 2 row(s) are not valid.", error, StringComparison.Ordinal);
        Assert.Contains("line 3: date '2026-13-01'", error, StringComparison.Ordinal);
        Assert.Contains("line 4: session 'NOON'", error, StringComparison.Ordinal);
        Assert.Empty(await CountAsync(_host));
        Assert.Empty(_notifier.Sent);
    }

    [Fact]
    public async Task Import_ExitsWithTwo_WhenTheFileIsMissing()
    {
        var (exit, _, error) = await ImportAsync(_host, Path.Combine(_host.DataFolder, "missing.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("No file at", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARestartedBot_DoesNotPromptAgain_FromItsPeriodicCheck()
    {
        await ImportAsync(_host, SampleFile);
        var notifierAfterRestart = new RecordingStaffNotifier();

        // A second host over the same database: a new process with a notifier that remembers nothing.
        using var restarted = NewHost(notifierAfterRestart, _host.DataFolder);
        await using var scope = restarted.Services.CreateAsyncScope();
        var prompted = await scope.ServiceProvider.GetRequiredService<IAttendancePromptCheck>().CheckAsync(null, CancellationToken.None);

        Assert.Equal(0, prompted);
        Assert.Empty(notifierAfterRestart.Sent);
    }

    [Fact]
    public async Task NotNow_AnswersInPlace()
    {
        using var response = await _host.PostActivityAsync(ActivityBuilder.Execute(AttendanceConversation.NotNowVerb, new { pupilId = "P0001" }));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("OK, not now.", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private BotHostFactory NewHost(RecordingStaffNotifier notifier, string? dataFolder) => new(
        new Dictionary<string, string?>
        {
            ["HealthGuideBot:Attendance:CheckInterval"] = "00:00:00",
            ["HealthGuideBot:Attendance:Terms:0:Id"] = "autumn-2026",
            ["HealthGuideBot:Attendance:Terms:0:Name"] = "Autumn 2026",
            ["HealthGuideBot:Attendance:Terms:0:Start"] = "2026-09-02",
            ["HealthGuideBot:Attendance:Terms:0:End"] = "2026-12-18",
        },
        services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton<IStaffNotifier>(notifier);
        },
        dataFolder);

    private static async Task<(int Exit, string Output, string Error)> ImportAsync(BotHostFactory host, string file)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AttendanceImportCommand.RunAsync(host.Services, file, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<IReadOnlyDictionary<string, int>> CountAsync(BotHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAttendanceStore>()
            .CountSessionsAsync(new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31), new HashSet<string> { "I", "M" }, null, CancellationToken.None);
    }
}
