using System.Collections.Concurrent;
using System.Reflection;

namespace HealthGuideBot.BotFramework.Cards;

/// <summary>
/// The card templates embedded in an assembly under the logical names <c>cards/&lt;folder&gt;/&lt;name&gt;.json</c>
/// (the host embeds the repository's <c>cards/</c> folder). Templates are parsed once and cached.
/// </summary>
public sealed class CardTemplateLibrary
{
    private readonly Assembly _assembly;
    private readonly ConcurrentDictionary<string, AdaptiveCardTemplate> _cache = new(StringComparer.Ordinal);

    public CardTemplateLibrary(Assembly assembly) => _assembly = assembly;

    /// <summary>The names of every embedded template, e.g. <c>help/help</c> (sample data files excluded).</summary>
    public IEnumerable<string> Names =>
        _assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("cards/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)
                && !n.EndsWith(".sample.json", StringComparison.Ordinal))
            .Select(n => n["cards/".Length..^".json".Length])
            .Order(StringComparer.Ordinal);

    /// <summary>The template called <paramref name="name"/> (for example <c>help/help</c>).</summary>
    public AdaptiveCardTemplate Get(string name) => _cache.GetOrAdd(name, Load);

    /// <summary>The raw bytes of an embedded file under <c>cards/</c>, such as a sample data file.</summary>
    public byte[] ReadFile(string relativePath)
    {
        using var stream = _assembly.GetManifestResourceStream("cards/" + relativePath)
            ?? throw new InvalidOperationException($"No embedded card file 'cards/{relativePath}'. Is it under cards/ and embedded by the host project?");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private AdaptiveCardTemplate Load(string name) => AdaptiveCardTemplate.Parse(name, ReadFile(name + ".json"));
}
