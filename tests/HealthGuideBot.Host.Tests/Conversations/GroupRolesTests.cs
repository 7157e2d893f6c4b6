using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.Notifications;
using HealthGuideBot.Core.Pupils;
using HealthGuideBot.Infrastructure.People.Groups;
using HealthGuideBot.Testing;
using HealthGuideBot.Testing.HealthcarePlans;
using HealthGuideBot.Testing.Notifications;
using HealthGuideBot.Testing.Roster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Host.Tests.Conversations;

/// <summary>
/// Roles from Entra groups through the real host's registration (HealthGuideBot:Roles, Graph replaced by an in-memory
/// membership source): class groups entitle teachers to their pupils' emergency summaries, a leaver loses access at
/// the next sync, and nobody holds a role before the first one.
/// </summary>
public sealed class GroupRolesTests : IDisposable
{
    private const string Neutral = "I can't show health information about that pupil. If you need it, ask the school nurse or the first aid lead.";
    private const string NursesGroup = "2b9d7c10-0000-4000-8000-000000000001";
    private const string Class5BGroup = "2b9d7c10-0000-4000-8000-0000000000b5";
    private const string Class6AGroup = "2b9d7c10-0000-4000-8000-0000000000a6";

    private readonly InMemoryMembership _membership = new();
    private readonly InMemoryHealthcarePlanStore _plans = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private readonly BotHostFactory _host;

    public GroupRolesTests()
    {
        _plans.Seed(SamplePlans.SamTaylorAsthma(version: 2));
        _membership.Set(NursesGroup, TestRoster.AlexWilberNurse);
        _membership.Set(Class5BGroup, TestRoster.AdeleVanceTeacher5B);
        _membership.Set(Class6AGroup, TestRoster.IsaiahLangerTeacher6A);
        _host = new BotHostFactory(
            new Dictionary<string, string?>
            {
                [$"HealthGuideBot:Roles:Groups:{NursesGroup}"] = "Nurse",
                [$"HealthGuideBot:Roles:ClassGroups:{Class5BGroup}"] = "5B",
                [$"HealthGuideBot:Roles:ClassGroups:{Class6AGroup}"] = "6A",
                ["HealthGuideBot:Roles:Graph:Credential"] = "ManagedIdentity",
            },
            services =>
            {
                services.AddSingleton<IGroupMembershipSource>(_membership);
                services.AddSingleton<IPupilDirectory>(new InMemoryPupilDirectory(TestRoster.Pupils));
                services.AddSingleton<IHealthcarePlanStore>(_plans);
                services.AddSingleton<IStaffNotifier>(new RecordingStaffNotifier());
                services.AddSingleton<TimeProvider>(_time);
            });
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public void TheGroupDirectory_IsTheStaffDirectory_WhenGroupsAreMapped() =>
        Assert.IsType<GroupMembershipDirectory>(_host.Services.GetRequiredService<IStaffDirectory>());

    [Fact]
    public async Task AClassGroupMember_SeesTheirPupilsEmergencySummary_AndAnotherClassesTeacherDoesNot()
    {
        await SyncAsync();
        var adele = From(TestRoster.AdeleVanceTeacher5B, "show Sam Taylor's emergency plan", "a:adele");
        var isaiah = From(TestRoster.IsaiahLangerTeacher6A, "show Sam Taylor's emergency plan", "a:isaiah");

        await _host.PostActivityAsync(adele);
        await _host.PostActivityAsync(isaiah);

        var summary = Assert.Single(_host.Connector.SentTo("a:adele")).Activity!;
        Assert.Contains("Call 999 first", Assert.Single(summary.Attachments!).Content!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(Neutral, Assert.Single(_host.Connector.SentTo("a:isaiah")).Activity!.Text);
    }

    [Fact]
    public async Task ALeaverRemovedFromTheClassGroup_LosesAccessAtTheNextSync()
    {
        await SyncAsync();
        _membership.Set(Class5BGroup); // Adele leaves 5B

        await SyncAsync();
        await _host.PostActivityAsync(From(TestRoster.AdeleVanceTeacher5B, "show Sam Taylor's emergency plan", "a:adele"));

        Assert.Equal(Neutral, Assert.Single(_host.Connector.SentTo("a:adele")).Activity!.Text);
        Assert.Null(await _host.Services.GetRequiredService<IStaffDirectory>().FindAsync(TestRoster.AdeleVanceTeacher5B, CancellationToken.None));
    }

    [Fact]
    public async Task TheNurseGroup_GivesTheNurseRole_AndSomeoneInNoGroupHoldsNone()
    {
        await SyncAsync();
        var directory = _host.Services.GetRequiredService<IStaffDirectory>();

        var nurse = await directory.FindAsync(TestRoster.AlexWilberNurse, CancellationToken.None);

        Assert.True(nurse!.HasRole(StaffRole.Nurse));
        Assert.Null(await directory.FindAsync(TestRoster.PattiFernandezOffice, CancellationToken.None));
        Assert.Equal([TestRoster.AlexWilberNurse], (await directory.InRoleAsync(StaffRole.Nurse, CancellationToken.None)).Select(s => s.UserId));
    }

    /// <summary>Runs a sync now (the hosted loop's first one races the test; this one is awaited).</summary>
    private Task<GroupSyncResult> SyncAsync() => _host.Services.GetRequiredService<GroupMembershipDirectory>().SyncAsync(CancellationToken.None);

    private static Activity From(string userId, string text, string conversationId) =>
        ActivityBuilder.Message(text, conversationId) with { From = new ChannelAccount { Id = "29:" + userId, AadObjectId = userId, Name = "Staff" } };

    private sealed class InMemoryMembership : IGroupMembershipSource
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, string[]> _groups = new(StringComparer.OrdinalIgnoreCase);

        public void Set(string groupId, params string[] userIds)
        {
            lock (_gate)
            {
                _groups[groupId] = userIds;
            }
        }

        public Task<IReadOnlyList<DirectoryUser>> TransitiveUsersAsync(string groupId, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                IReadOnlyList<DirectoryUser> users = [.. _groups.GetValueOrDefault(groupId, []).Select(id => new DirectoryUser(id, null, null))];
                return Task.FromResult(users);
            }
        }
    }
}
