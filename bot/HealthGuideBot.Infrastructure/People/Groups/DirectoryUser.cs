namespace HealthGuideBot.Infrastructure.People.Groups;

/// <summary>
/// A user who is a (possibly nested) member of a group. With only <c>GroupMember.Read.All</c>, Graph may return the id
/// and nothing else, so the name and email are optional.
/// </summary>
/// <param name="Id">The Entra object id (Teams <c>from.aadObjectId</c>).</param>
internal sealed record DirectoryUser(string Id, string? DisplayName, string? Email);
