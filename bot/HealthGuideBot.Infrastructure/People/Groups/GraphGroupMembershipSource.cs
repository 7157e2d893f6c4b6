using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace HealthGuideBot.Infrastructure.People.Groups;

/// <summary>
/// Group membership from Microsoft Graph: <c>GET /groups/{id}/transitiveMembers</c>, 999 a page, following
/// <c>@odata.nextLink</c>. Needs only <c>GroupMember.Read.All</c> (application), never <c>User.Read.All</c>
/// (security.md 70), so users may come back with their id alone. No OData cast to <c>microsoft.graph.user</c>: that
/// is an advanced query (ConsistencyLevel: eventual, a lagging index); other member types are skipped here instead.
/// </summary>
internal sealed class GraphGroupMembershipSource : IGroupMembershipSource
{
    private static readonly string[] Select = ["id", "displayName", "mail", "userPrincipalName"];

    private readonly GraphServiceClient _graph;

    public GraphGroupMembershipSource(GraphServiceClient graph) => _graph = graph;

    public async Task<IReadOnlyList<DirectoryUser>> TransitiveUsersAsync(string groupId, CancellationToken cancellationToken)
    {
        var users = new List<DirectoryUser>();
        try
        {
            var members = _graph.Groups[groupId].TransitiveMembers;
            var page = await members.GetAsync(
                request =>
                {
                    request.QueryParameters.Select = Select;
                    request.QueryParameters.Top = 999;
                },
                cancellationToken);
            while (page is not null)
            {
                foreach (var member in page.Value ?? [])
                {
                    if (member is User { Id: { Length: > 0 } id } user)
                    {
                        users.Add(new DirectoryUser(id, user.DisplayName, user.Mail ?? user.UserPrincipalName));
                    }
                }

                page = string.IsNullOrEmpty(page.OdataNextLink)
                    ? null
                    : await members.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: cancellationToken);
            }
        }
        catch (ODataError error)
        {
            throw new GroupMembershipException(groupId, error.ResponseStatusCode switch
            {
                404 or 400 => GroupMembershipFailure.NotFound,
                401 or 403 => GroupMembershipFailure.Forbidden,
                _ => GroupMembershipFailure.Unavailable,
            }, error);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new GroupMembershipException(groupId, GroupMembershipFailure.Unavailable, exception);
        }

        return users;
    }
}
