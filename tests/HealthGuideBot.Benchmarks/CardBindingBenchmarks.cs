using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using HealthGuideBot.BotFramework.Cards;

namespace HealthGuideBot.Benchmarks;

/// <summary>Binding each template in cards/ that has a sample (<c>x.json</c> + <c>x.sample.json</c>): parsed once, bound per call.</summary>
[MemoryDiagnoser]
public class CardBindingBenchmarks
{
    private AdaptiveCardTemplate? _template;
    private JsonNode? _data;

    [ParamsSource(nameof(Templates))]
    public string Template { get; set; } = string.Empty;

    /// <summary>Template names relative to cards/, without ".json" (e.g. <c>help/help</c>).</summary>
    public static IEnumerable<string> Templates() =>
        Directory.EnumerateFiles(RepoPaths.CardsFolder, "*.sample.json", SearchOption.AllDirectories)
            .Select(sample => Path.GetRelativePath(RepoPaths.CardsFolder, sample)[..^".sample.json".Length].Replace('\\', '/'))
            .Where(name => File.Exists(Path.Combine(RepoPaths.CardsFolder, name + ".json")))
            .Order(StringComparer.Ordinal);

    [GlobalSetup]
    public void Setup()
    {
        _template = AdaptiveCardTemplate.Parse(Template, File.ReadAllBytes(Path.Combine(RepoPaths.CardsFolder, Template + ".json")));
        _data = JsonNode.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.CardsFolder, Template + ".sample.json")));
    }

    [Benchmark]
    public JsonObject Bind() => (_template ?? throw new InvalidOperationException("GlobalSetup has not run.")).Bind(_data);
}
