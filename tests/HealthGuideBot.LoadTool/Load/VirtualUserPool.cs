using System.Globalization;

namespace HealthGuideBot.LoadTool.Load;

/// <summary>
/// Virtual users, each with its own conversation. Worker w of n owns a disjoint slice of the pool and cycles through
/// it, so no conversation ever has two activities in flight and each conversation sees only a few activities a
/// second (Teams limits a bot to 7 sends a second per conversation and 50 per tenant).
/// </summary>
internal sealed class VirtualUserPool
{
    private readonly VirtualUser[] _users;

    public VirtualUserPool(int users, int tenants, string runTag)
    {
        var tenantIds = Enumerable.Range(0, tenants).Select(_ => Guid.NewGuid().ToString("D")).ToArray();
        _users = new VirtualUser[users];
        for (var i = 0; i < users; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            _users[i] = new VirtualUser(
                ConversationId: $"a:hgb-load-{runTag}-{n}",
                UserId: $"29:hgb-load-user-{runTag}-{n}",
                UserName: $"Load User {n}",
                AadObjectId: Guid.NewGuid().ToString("D"),
                TenantId: tenantIds[i % tenants]);
        }
    }

    public int Count => _users.Length;

    /// <summary>The user for a worker's k-th activity.</summary>
    public VirtualUser ForWorker(int worker, int workers, long k)
    {
        var slice = Math.Max(1, _users.Length / workers);
        var index = (worker * slice + (int)(k % slice)) % _users.Length;
        return _users[index];
    }
}
