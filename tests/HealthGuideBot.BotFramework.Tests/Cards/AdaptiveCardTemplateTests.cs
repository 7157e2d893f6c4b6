using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HealthGuideBot.BotFramework.Cards;

namespace HealthGuideBot.BotFramework.Tests.Cards;

public sealed partial class AdaptiveCardTemplateTests
{
    [Fact]
    public void Bind_ReplacesWholePlaceholder_KeepingTheJsonType()
    {
        var card = Bind("""{"count":"${count}","flag":"${flag}","items":"${tags}"}""", new Model("Sam", 3, true, ["a", "b"], []));

        Assert.Equal(3, card["count"]!.GetValue<int>());
        Assert.True(card["flag"]!.GetValue<bool>());
        Assert.Equal(2, card["items"]!.AsArray().Count);
    }

    [Fact]
    public void Bind_InterpolatesPlaceholdersInsideText()
    {
        var card = Bind("""{"text":"Hello ${name}, you have ${count} items."}""", new Model("Sam", 3, true, [], []));

        Assert.Equal("Hello Sam, you have 3 items.", card["text"]!.GetValue<string>());
    }

    [Fact]
    public void Bind_RemovesPropertyWhoseWholePlaceholderIsMissing()
    {
        var card = Bind("""{"text":"${missing}","kept":"x"}""", new Model("Sam", 0, false, [], []));

        Assert.False(card.ContainsKey("text"));
        Assert.Equal("x", card["kept"]!.GetValue<string>());
    }

    [Fact]
    public void Bind_RepeatsDataArrayElements_WithIndexAndRoot()
    {
        var card = Bind(
            """{"body":[{"type":"TextBlock","$data":"${rows}","text":"${$index}: ${label} of ${$root.name}"}]}""",
            new Model("Sam", 0, false, [], [new Row("first", true), new Row("second", false)]));

        var body = card["body"]!.AsArray();
        Assert.Equal(2, body.Count);
        Assert.Equal("0: first of Sam", body[0]!["text"]!.GetValue<string>());
        Assert.Equal("1: second of Sam", body[1]!["text"]!.GetValue<string>());
        Assert.False(body[0]!.AsObject().ContainsKey("$data"));
    }

    [Fact]
    public void Bind_DropsElementsWhoseWhenIsFalse()
    {
        var card = Bind(
            """{"body":[{"$data":"${rows}","$when":"${enabled}","text":"${label}"},{"$when":"${!flag}","text":"off"},{"$when":"${name == 'Sam'}","text":"is Sam"},{"$when":"${name != 'Sam'}","text":"not Sam"}]}""",
            new Model("Sam", 0, true, [], [new Row("on", true), new Row("hidden", false)]));

        var texts = card["body"]!.AsArray().Select(n => n!["text"]!.GetValue<string>()).ToArray();
        Assert.Equal(["on", "is Sam"], texts);
    }

    [Fact]
    public void Bind_LeavesTemplateUnchanged_SoItCanBeBoundAgain()
    {
        var template = AdaptiveCardTemplate.Parse("t", Encoding.UTF8.GetBytes("""{"text":"${name}"}"""));

        var first = template.Bind(new Model("Sam", 0, false, [], []), TemplateTestJsonContext.Default.Model);
        var second = template.Bind(new Model("Alex", 0, false, [], []), TemplateTestJsonContext.Default.Model);

        Assert.Equal("Sam", first["text"]!.GetValue<string>());
        Assert.Equal("Alex", second["text"]!.GetValue<string>());
    }

    [Fact]
    public void Bind_DoesNotInterpretPlaceholderSyntaxInsideData()
    {
        var card = Bind("""{"text":"Name: ${name}"}""", new Model("${count}", 42, false, [], []));

        Assert.Equal("Name: ${count}", card["text"]!.GetValue<string>());
    }

    private static JsonObject Bind(string template, Model model) =>
        AdaptiveCardTemplate.Parse("test", Encoding.UTF8.GetBytes(template)).Bind(model, TemplateTestJsonContext.Default.Model);

    internal sealed record Model(string Name, int Count, bool Flag, IReadOnlyList<string> Tags, IReadOnlyList<Row> Rows);

    internal sealed record Row(string Label, bool Enabled);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(Model))]
    internal sealed partial class TemplateTestJsonContext : JsonSerializerContext;
}
