using System.Text;
using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Cards;

namespace HealthGuideBot.Host.Tests.Cards;

/// <summary>Every template in cards/ binds with its sample data into a card Teams will accept.</summary>
public sealed class CardTemplateTests
{
    /// <summary>Teams refuses messages of about 40 KB; a card stays well under it.</summary>
    private const int MaxCardBytes = 28 * 1024;

    private static readonly HashSet<string> Teams15Elements =
    [
        "TextBlock", "Image", "Media", "RichTextBlock", "TextRun", "Container", "ColumnSet", "Column", "FactSet",
        "ImageSet", "ActionSet", "Table", "TableRow", "TableCell",
        "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet",
    ];

    private static readonly HashSet<string> Teams15Actions = ["Action.Execute", "Action.Submit", "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility"];

    private static readonly CardTemplateLibrary Library = new(typeof(HealthGuideBot.Host.Hosting.HealthGuideBotOptions).Assembly);

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

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Template_BindsWithItsSample_IntoAValidAdaptiveCard15(string name)
    {
        var sample = JsonNode.Parse(Library.ReadFile(name + ".sample.json"));

        var card = Library.Get(name).Bind(sample);
        var json = card.ToJsonString();

        Assert.Equal("AdaptiveCard", card["type"]?.GetValue<string>());
        Assert.Equal("1.5", card["version"]?.GetValue<string>());
        Assert.True(Encoding.UTF8.GetByteCount(json) < MaxCardBytes, $"{name} is {Encoding.UTF8.GetByteCount(json)} bytes");
        Assert.DoesNotContain("${", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"$data\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"$when\"", json, StringComparison.Ordinal);
        Walk(card["body"], name);
        Walk(card["actions"], name);
    }

    private static void Walk(JsonNode? node, string name)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, name);
                }

                break;
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() is { } type)
                {
                    if (type.StartsWith("Action.", StringComparison.Ordinal))
                    {
                        Assert.Contains(type, Teams15Actions);
                        Assert.False(string.IsNullOrWhiteSpace(obj["title"]?.GetValue<string>()), $"{name}: an action has no title");
                        if (type == "Action.Execute")
                        {
                            Assert.False(string.IsNullOrWhiteSpace(obj["verb"]?.GetValue<string>()), $"{name}: Action.Execute without a verb");
                        }

                        if (type == "Action.Submit")
                        {
                            Assert.False(string.IsNullOrWhiteSpace(obj["data"]?["verb"]?.GetValue<string>()), $"{name}: Action.Submit without data.verb");
                        }
                    }
                    else if (type != "AdaptiveCard")
                    {
                        Assert.Contains(type, Teams15Elements);
                    }

                    if (type.StartsWith("Input.", StringComparison.Ordinal))
                    {
                        Assert.False(string.IsNullOrWhiteSpace(obj["id"]?.GetValue<string>()), $"{name}: an input has no id");
                        Assert.False(string.IsNullOrWhiteSpace(obj["label"]?.GetValue<string>()), $"{name}: input {obj["id"]} has no label");
                    }
                }

                foreach (var (_, child) in obj)
                {
                    Walk(child, name);
                }

                break;
        }
    }
}
