using System.Text.Json.Serialization;

namespace HealthGuideBot.Infrastructure.People;

/// <summary>The roster file's shape (see deploy/README.md, "Roles and the roster").</summary>
internal sealed class RosterDocument
{
    [JsonPropertyName("staff")]
    public List<RosterStaff> Staff { get; set; } = [];

    [JsonPropertyName("pupils")]
    public List<RosterPupil> Pupils { get; set; } = [];
}

internal sealed class RosterStaff
{
    /// <summary>The Entra object id (Teams <c>from.aadObjectId</c>).</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("roles")]
    public List<string> Roles { get; set; } = [];

    [JsonPropertyName("classes")]
    public List<string> Classes { get; set; } = [];
}

internal sealed class RosterPupil
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("class")]
    public string? Class { get; set; }

    /// <summary>ISO date, <c>yyyy-MM-dd</c>.</summary>
    [JsonPropertyName("dateOfBirth")]
    public string? DateOfBirth { get; set; }
}

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(RosterDocument))]
internal sealed partial class RosterJsonContext : JsonSerializerContext;
