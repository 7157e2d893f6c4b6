using HealthGuideBot.Infrastructure.Filing.Graph;
using HealthGuideBot.Infrastructure.People.Groups;
using HealthGuideBot.Infrastructure.Tests.Filing;
using HealthGuideBot.Testing.Graph;

namespace HealthGuideBot.Infrastructure.Tests.People.Groups;

/// <summary>The Graph membership reader against the loopback Graph stand-in.</summary>
public sealed class GraphGroupMembershipSourceTests : IAsyncLifetime
{
    private const string Group = "6f0c2d8e-0000-4000-8000-000000000001";

    private FakeGraphServer _graph = null!;

    public async Task InitializeAsync() => _graph = await FakeGraphServer.StartAsync();

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task ReadsEveryPage_KeepsUsersOnly_AndAsksForNoMoreThanItNeeds()
    {
        _graph.GroupPageSize = 2;
        _graph.SetGroupMembers(
            Group,
            FakeGraphServer.DirectoryUser("u-1", "Nina Nurse", "nina@school.example"),
            FakeGraphServer.DirectoryObject("#microsoft.graph.group", "nested-group"),
            FakeGraphServer.DirectoryUser("u-2", userPrincipalName: "sue@school.example"),
            FakeGraphServer.DirectoryObject("#microsoft.graph.device", "a-laptop"),
            FakeGraphServer.DirectoryUser("u-3"));

        var users = await Source().TransitiveUsersAsync(Group, CancellationToken.None);

        Assert.Equal(
            [new DirectoryUser("u-1", "Nina Nurse", "nina@school.example"), new DirectoryUser("u-2", null, "sue@school.example"), new DirectoryUser("u-3", null, null)],
            users);
        var calls = _graph.Calls.Where(c => c.Path.Contains("/transitiveMembers", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.True(c.HasAuthorization));
        Assert.Contains("$select=id,displayName,mail,userPrincipalName", calls[0].Query, StringComparison.Ordinal);
        Assert.Contains("$top=999", calls[0].Query, StringComparison.Ordinal);
        Assert.DoesNotContain("microsoft.graph.user", calls[0].Path, StringComparison.Ordinal); // no advanced-query cast
        Assert.Empty(_graph.Violations);
    }

    [Fact]
    public async Task AMissingGroup_IsNotFound_WithItsIdInTheMessage()
    {
        var error = await Assert.ThrowsAsync<GroupMembershipException>(() => Source().TransitiveUsersAsync(Group, CancellationToken.None));

        Assert.Equal(GroupMembershipFailure.NotFound, error.Failure);
        Assert.Contains(Group, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_NamesThePermissionToGrant()
    {
        _graph.SetGroupMembers(Group, FakeGraphServer.DirectoryUser("u-1"));
        _graph.Inject(c => c.Path.Contains("/transitiveMembers", StringComparison.Ordinal), GraphFault.Forbidden());

        var error = await Assert.ThrowsAsync<GroupMembershipException>(() => Source().TransitiveUsersAsync(Group, CancellationToken.None));

        Assert.Equal(GroupMembershipFailure.Forbidden, error.Failure);
        Assert.Contains("GroupMember.Read.All", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_IsUnavailable_SoTheNextSyncTriesAgain()
    {
        _graph.SetGroupMembers(Group, FakeGraphServer.DirectoryUser("u-1"));
        _graph.Inject(c => c.Path.Contains("/transitiveMembers", StringComparison.Ordinal), GraphFault.Throttled(5));

        var error = await Assert.ThrowsAsync<GroupMembershipException>(() => Source().TransitiveUsersAsync(Group, CancellationToken.None));

        Assert.Equal(GroupMembershipFailure.Unavailable, error.Failure);
    }

    private GraphGroupMembershipSource Source() => new(GraphFilingClient.Create(_graph.BaseUrl, new FakeTokenCredential()));
}
