using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.Host.Tests.Cards;

/// <summary>
/// Every template in cards/ (found through the host's embedded resources, so a new card is picked up without
/// touching this class) follows the Adaptive Card 1.5 rules as Teams applies them, in every branch, and binds with
/// its sample data through the real <see cref="AdaptiveCardTemplate"/> into a card Teams accepts, small enough to
/// send. The end-to-end CardRenderingTests render the same bound cards with the official renderer.
/// </summary>
public sealed class CardTemplateTests
{
    private const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    private static readonly System.Reflection.Assembly HostAssembly = typeof(HealthGuideBot.Host.Hosting.HealthGuideBotOptions).Assembly;
    private static readonly CardTemplateLibrary Library = new(HostAssembly);

    public static TheoryData<string> TemplateNames() => [.. Library.Names];

    [Fact]
    public void EveryTemplate_HasASampleDataFile()
    {
        Assert.NotEmpty(Library.Names);
        foreach (var name in Library.Names)
        {
            var sample = Library.ReadFile(name + ".sample.json");
            Assert.True(sample.Length > 0, $"{name} has an empty sample file");
        }
    }

    [Fact]
    public void EverySampleFile_BelongsToATemplate()
    {
        var templates = Library.Names.ToHashSet(StringComparer.Ordinal);
        var orphans = HostAssembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("cards/", StringComparison.Ordinal) && n.EndsWith(".sample.json", StringComparison.Ordinal))
            .Select(n => n["cards/".Length..^".sample.json".Length])
            .Where(n => !templates.Contains(n))
            .ToList();

        Assert.True(orphans.Count == 0, $"sample files with no template: {string.Join(", ", orphans)}");
    }

    [Fact]
    public void EveryJsonFileInTheCardsFolder_IsEmbeddedInTheHost()
    {
        var cards = Path.Combine(RepositoryRoot(), "cards");
        var onDisk = Directory.EnumerateFiles(cards, "*.json", SearchOption.AllDirectories)
            .Select(f => "cards/" + Path.GetRelativePath(cards, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var embedded = HostAssembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("cards/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(onDisk);
        Assert.Equal(onDisk, embedded);
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Template_FollowsTheTeamsRules_InEveryBranch(string name)
    {
        var template = JsonNode.Parse(Library.ReadFile(name + ".json"), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();

        var problems = AdaptiveCardRules.Check(template, AdaptiveCardRules.Mode.Template);

        Assert.True(problems.Count == 0, $"cards/{name}.json:\n  {string.Join("\n  ", problems)}");
        Assert.Equal("1.5", template["version"]?.GetValue<string>());
        Assert.Equal(SchemaUrl, template["$schema"]?.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Template_BindsWithItsSample_IntoAValidTeamsCard(string name)
    {
        var card = BindSample(name);

        var problems = AdaptiveCardRules.Check(card);
        var unbound = AdaptiveCardRules.UnboundExpressions(card).ToList();

        Assert.True(problems.Count == 0, $"cards/{name}.json bound with its sample:\n  {string.Join("\n  ", problems)}");
        Assert.True(unbound.Count == 0, $"cards/{name}.json left templating after binding:\n  {string.Join("\n  ", unbound)}");
        Assert.Equal("AdaptiveCard", card["type"]?.GetValue<string>());
        Assert.Equal("1.5", card["version"]?.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void BoundCard_AndTheMessageCarryingIt_StayUnderTeamsSizeLimits(string name)
    {
        var card = BindSample(name);

        var cardBytes = Encoding.UTF8.GetByteCount(card.ToJsonString());
        var messageBytes = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(AsSentToTeams(card), BotFrameworkJsonContext.Default.Activity));

        Assert.True(cardBytes < AdaptiveCardRules.MaxCardBytes, $"{name} is {cardBytes} bytes; a card must stay under {AdaptiveCardRules.MaxCardBytes}");
        Assert.True(messageBytes < AdaptiveCardRules.MaxMessageBytes, $"{name}'s message is {messageBytes} bytes; Teams refuses about {AdaptiveCardRules.MaxMessageBytes}");
        Assert.True(messageBytes > cardBytes, "the envelope was measured without the card in it");
    }

    private static JsonObject BindSample(string name) =>
        Library.Get(name).Bind(JsonNode.Parse(Library.ReadFile(name + ".sample.json")));

    /// <summary>The card in the activity the bot sends, addressed as a Teams reply is (ids at their real lengths).</summary>
    private static Activity AsSentToTeams(JsonObject card)
    {
        var message = MessageFactory.Card(card, summary: "HealthGuideBot");
        return new Activity
        {
            Type = message.Type,
            Summary = message.Summary,
            Attachments = message.Attachments,
            Id = "1:1" + new string('x', 60),
            ReplyToId = "1732700000000",
            ChannelId = "msteams",
            ServiceUrl = "https://smba.example.net/emea/" + Guid.Empty,
            From = new ChannelAccount { Id = "28:" + Guid.Empty, Name = "HealthGuideBot" },
            Recipient = new ChannelAccount { Id = "29:1" + new string('x', 120), Name = "A member of staff", AadObjectId = Guid.Empty.ToString() },
            Conversation = new ConversationAccount { Id = "a:1" + new string('x', 140), ConversationType = "personal", TenantId = Guid.Empty.ToString() },
            Locale = "en-GB",
        };
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HealthGuideBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("HealthGuideBot.sln not found above the test output folder.");
    }
}
