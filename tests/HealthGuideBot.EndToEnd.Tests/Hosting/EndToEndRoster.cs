using System.Text.Json.Nodes;

namespace HealthGuideBot.EndToEnd.Tests.Hosting;

/// <summary>The Development sample roster, with the Playground's user (Alex Wilber) as nurse AND the only SENCO.</summary>
internal static class EndToEndRoster
{
    public const string PlaygroundUserId = "00000000-0000-0000-0000-0000000000020";

    /// <summary>Writes the roster into <paramref name="dataFolder"/> and returns its path.</summary>
    public static string Write(string dataFolder)
    {
        var sample = Path.Combine(RepositoryRoot(), "bot", "HealthGuideBot.Host", "Roster", "roster.sample.json");
        var roster = JsonNode.Parse(File.ReadAllText(sample), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        foreach (var member in roster["staff"]!.AsArray())
        {
            var roles = member!["roles"]!.AsArray();
            var isPlaygroundUser = member["userId"]!.GetValue<string>() == PlaygroundUserId;
            var kept = roles.Select(r => r!.GetValue<string>()).Where(r => r != "Senco").ToList();
            if (isPlaygroundUser)
            {
                kept.Add("Senco");
            }

            member["roles"] = new JsonArray([.. kept.Select(r => (JsonNode)JsonValue.Create(r)!)]);
        }

        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, "roster.e2e.json");
        File.WriteAllText(path, roster.ToJsonString());
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HealthGuideBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("HealthGuideBot.sln not found above " + AppContext.BaseDirectory);
    }
}
