using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Attendance;
using HealthGuideBot.Core.Pupils;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Core.Tests.Attendance;

/// <summary>The attendance trigger: 10 health-related days in a term prompt the SENCOs once per pupil per term.</summary>
public sealed class AttendancePrompterTests
{
    private static readonly StaffMember Megan = Staff("senco-megan", StaffRole.Senco, StaffRole.Dsl);
    private static readonly StaffMember Second = Staff("senco-second", StaffRole.Senco);
    private static readonly StaffMember Alex = Staff("nurse-alex", StaffRole.Nurse);
    private static readonly Pupil Sam = new("P0001", "Sam Taylor", "5B", null);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryAttendanceStore _store = new();
    private readonly FakeStaffDirectory _staff = new(Megan, Second, Alex);
    private readonly RecordingStaffNotifier _notifier = new();
    private readonly RecordingPromptCards _cards = new();
    private readonly RecordingAuditLog _audit = new();

    private readonly AttendanceOptions _options = new()
    {
        Terms =
        [
            new() { Id = "2026-27-autumn", Name = "Autumn term 2026", Start = new DateOnly(2026, 9, 2), End = new DateOnly(2026, 12, 18) },
            new() { Id = "2026-27-spring", Name = "Spring term 2027", Start = new DateOnly(2027, 1, 4), End = new DateOnly(2027, 3, 25) },
        ],
    };

    [Fact]
    public async Task NineAndAHalfDays_PromptNobody()
    {
        var result = await ImportSessionsAsync("P0001", new DateOnly(2026, 11, 2), 19);

        Assert.Equal(19, result.SessionsAdded);
        Assert.Equal(0, result.PupilsPrompted);
        Assert.Empty(_notifier.Sent);
        Assert.Empty(_store.Prompts);
    }

    [Fact]
    public async Task TenDays_PromptEverySencoOnce_WithThePupilDaysAndTerm()
    {
        await ImportSessionsAsync("P0001", new DateOnly(2026, 11, 2), 18);
        Assert.Empty(_notifier.Sent);

        var result = await ImportSessionsAsync("P0001", new DateOnly(2026, 11, 11), 2);

        Assert.Equal(1, result.PupilsPrompted);
        Assert.Equal(["senco-megan", "senco-second"], _notifier.Sent.Select(n => n.UserId));
        Assert.Equal(["attendance:P0001:2026-27-autumn:10:senco-megan", "attendance:P0001:2026-27-autumn:10:senco-second"], _notifier.Sent.Select(n => n.Key));
        Assert.All(_notifier.Sent, n => Assert.DoesNotContain("Sam", n.FallbackText, StringComparison.Ordinal));
        Assert.Equal(new PanelPrompt("P0001", "Sam Taylor", "5B", 10m, "Autumn term 2026"), _cards.Built.Single());
        Assert.Equal(["attendance:P0001:2026-27-autumn:10"], _store.Prompts.Keys);
        Assert.Equal(["senco-megan", "senco-second"], _audit.Entries.Select(e => e.ActorId));
        Assert.All(_audit.Entries, e => Assert.Equal(("attendance.prompt", "P0001"), (e.Action, e.RecordId)));
    }

    [Fact]
    public async Task ElevenDays_AndReimports_SendNothingMore()
    {
        await ImportSessionsAsync("P0001", new DateOnly(2026, 11, 2), 20);
        Assert.Equal(2, _notifier.Sent.Count);

        var eleven = await ImportSessionsAsync("P0001", new DateOnly(2026, 11, 16), 2);
        var again = await ImportSessionsAsync("P0001", new DateOnly(2026, 11, 2), 20);
        var check = await Prompter().CheckAsync(null, CancellationToken.None);

        Assert.Equal((0, 0, 20, 0), (eleven.PupilsPrompted, again.PupilsPrompted, again.SessionsUnchanged, check));
        Assert.Equal(2, _notifier.Sent.Count);
    }

    [Fact]
    public async Task Counting_IsPerTerm_SoAbsenceEitherSideOfTheBoundaryDoesNotAddUp()
    {
        await ImportSessionsAsync("P0001", new DateOnly(2026, 12, 10), 12); // 6 days at the end of the autumn term
        _time.SetUtcNow(new DateTimeOffset(2027, 1, 20, 10, 0, 0, TimeSpan.Zero));

        var result = await ImportSessionsAsync("P0001", new DateOnly(2027, 1, 4), 12); // 6 days at the start of spring

        Assert.Equal(0, result.PupilsPrompted);
        Assert.Empty(_notifier.Sent);
    }

    [Fact]
    public async Task ANewTerm_CanPromptAgain()
    {
        await ImportSessionsAsync("P0001", new DateOnly(2026, 11, 2), 20);
        _time.SetUtcNow(new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero));

        await ImportSessionsAsync("P0001", new DateOnly(2027, 1, 11), 20);

        Assert.Equal(
            ["attendance:P0001:2026-27-autumn:10:senco-megan", "attendance:P0001:2026-27-autumn:10:senco-second", "attendance:P0001:2026-27-spring:10:senco-megan", "attendance:P0001:2026-27-spring:10:senco-second"],
            _notifier.Sent.Select(n => n.Key));
    }

    [Fact]
    public async Task AbsenceImportedInTheHoliday_CountsForTheTermJustEnded()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 22, 10, 0, 0, TimeSpan.Zero));

        var result = await ImportSessionsAsync("P0001", new DateOnly(2026, 12, 4), 20);

        Assert.Equal(1, result.PupilsPrompted);
    }

    [Fact]
    public async Task ARestartedBot_DoesNotPromptAgain_EvenIfTheNotifierForgot()
    {
        await ImportSessionsAsync("P0001", new DateOnly(2026, 11, 2), 20);
        var freshNotifier = new RecordingStaffNotifier();

        var prompted = await Prompter(freshNotifier).CheckAsync(null, CancellationToken.None);

        Assert.Equal(0, prompted);
        Assert.Empty(freshNotifier.Sent);
    }

    [Fact]
    public async Task ACrashBetweenSendingAndRecording_DoesNotSendTwice()
    {
        await _store.ApplyAsync(Sessions("P0001", new DateOnly(2026, 11, 2), 20), [], _time.GetUtcNow(), CancellationToken.None);
        foreach (var senco in new[] { Megan, Second })
        {
            await _notifier.NotifyAsync(new("attendance:P0001:2026-27-autumn:10:" + senco.UserId, senco.UserId, default, "sent before the crash"), CancellationToken.None);
        }

        var prompted = await Prompter().CheckAsync(null, CancellationToken.None);

        Assert.Equal(1, prompted);
        Assert.Equal(2, _notifier.Sent.Count);
        Assert.Contains("attendance:P0001:2026-27-autumn:10", _store.Prompts.Keys);
    }

    [Fact]
    public async Task UnreachableSencos_LeaveThePromptDue_UntilOneCanBeReached()
    {
        _notifier.Unreachable.UnionWith(["senco-megan", "senco-second"]);
        await ImportSessionsAsync("P0001", new DateOnly(2026, 11, 2), 20);
        Assert.Empty(_store.Prompts);

        _notifier.Unreachable.Remove("senco-megan");
        var prompted = await Prompter().CheckAsync(null, CancellationToken.None);

        Assert.Equal(1, prompted);
        Assert.Equal(["senco-megan"], _notifier.Sent.Select(n => n.UserId));
        Assert.Single(_store.Prompts);
    }

    [Fact]
    public async Task NoSenco_PromptsNobody_AndLeavesThePromptDue()
    {
        _staff.Staff.RemoveAll(s => s.HasRole(StaffRole.Senco));
        await ImportSessionsAsync("P0001", new DateOnly(2026, 11, 2), 20);
        Assert.Empty(_notifier.Sent);

        _staff.Staff.Add(Megan);
        await Prompter().CheckAsync(null, CancellationToken.None);

        Assert.Equal(["senco-megan"], _notifier.Sent.Select(n => n.UserId));
    }

    [Fact]
    public async Task OnlyHealthCodesCount_AndACorrectedMarkStopsCounting()
    {
        var records = Sessions("P0001", new DateOnly(2026, 11, 2), 20).ToList();
        records[0] = records[0] with { Code = "O" }; // unauthorised, not health-related
        var first = await Importer().ImportAsync(records, CancellationToken.None);
        Assert.Equal((19, 1, 0), (first.SessionsAdded, first.SessionsIgnored, first.PupilsPrompted));

        var fixedMark = await Importer().ImportAsync([records[0] with { Code = "I" }], CancellationToken.None);
        Assert.Equal(1, fixedMark.PupilsPrompted);

        var corrected = await Importer().ImportAsync([records[1] with { Code = "N" }], CancellationToken.None);
        Assert.Equal((1, 0), (corrected.SessionsRemoved, corrected.SessionsIgnored));
    }

    [Fact]
    public async Task AWholeDayRecord_IsTwoSessions()
    {
        var days = Enumerable.Range(0, 10).Select(i => new AttendanceRecord("P0001", new DateOnly(2026, 11, 2).AddDays(i), AttendanceSession.WholeDay, "M")).ToList();

        var result = await Importer().ImportAsync(days, CancellationToken.None);

        Assert.Equal((20, 1), (result.SessionsAdded, result.PupilsPrompted));
    }

    [Fact]
    public async Task AnInvalidRecord_ImportsNothing()
    {
        AttendanceRecord[] batch = [.. Sessions("P0001", new DateOnly(2026, 11, 2), 20), new AttendanceRecord(" ", new DateOnly(2026, 11, 2), AttendanceSession.Morning, "I")];

        await Assert.ThrowsAsync<ArgumentException>(() => Importer().ImportAsync(batch, CancellationToken.None));

        Assert.Empty(await _store.CountSessionsAsync(DateOnly.MinValue, DateOnly.MaxValue, new HashSet<string> { "I" }, null, CancellationToken.None));
    }

    private static StaffMember Staff(string id, params StaffRole[] roles) =>
        new(id, id, null, new HashSet<StaffRole>(roles), new HashSet<string>());

    /// <summary><paramref name="count"/> consecutive half-day sessions of illness from <paramref name="start"/>, morning first.</summary>
    private static IReadOnlyList<AttendanceRecord> Sessions(string pupilId, DateOnly start, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new AttendanceRecord(pupilId, start.AddDays(i / 2), i % 2 == 0 ? AttendanceSession.Morning : AttendanceSession.Afternoon, "I"))];

    private Task<AttendanceImportResult> ImportSessionsAsync(string pupilId, DateOnly start, int count) =>
        Importer().ImportAsync(Sessions(pupilId, start, count), CancellationToken.None);

    private AttendanceImporter Importer() => new(_store, Prompter(), Options.Create(_options), _time);

    private AttendancePrompter Prompter(RecordingStaffNotifier? notifier = null) => new(
        _store,
        _staff,
        new FakePupilDirectory(Sam),
        notifier ?? _notifier,
        _cards,
        _audit,
        Options.Create(_options),
        _time,
        NullLogger<AttendancePrompter>.Instance);
}
