using HealthGuideBot.Core.Knowledge;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace HealthGuideBot.Knowledge.Reading;

/// <summary>Markdown with YAML front matter, split into sections at <c>##</c> and <c>###</c> headings.</summary>
internal sealed class MarkdownDocumentReader : IKnowledgeDocumentReader
{
    private const string FrontMatterFence = "---";

    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public IReadOnlyList<string> Extensions { get; } = [".md", ".markdown"];

    public async Task<KnowledgeDocumentContent> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(text, Path.GetFileName(path));
    }

    public static KnowledgeDocumentContent Parse(string text, string sourceFile)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != FrontMatterFence)
        {
            throw new InvalidDataException($"{sourceFile}: the document must start with YAML front matter between '---' lines.");
        }

        var end = Array.FindIndex(lines, 1, line => line.Trim() == FrontMatterFence);
        if (end < 0)
        {
            throw new InvalidDataException($"{sourceFile}: the front matter has no closing '---' line.");
        }

        Dictionary<string, string>? values;
        try
        {
            values = Yaml.Deserialize<Dictionary<string, string>>(string.Join('\n', lines[1..end]));
        }
        catch (YamlException exception)
        {
            throw new InvalidDataException($"{sourceFile}: the front matter is not valid YAML ({exception.Message}).", exception);
        }

        var document = DocumentMetadata.ToDocument(
            new Dictionary<string, string>(values ?? [], StringComparer.OrdinalIgnoreCase), sourceFile);
        var collector = new SectionCollector(document.Id);
        var inFence = false;
        foreach (var line in lines.Skip(end + 1))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            var level = inFence ? 0 : HeadingLevel(line);
            if (level is 2 or 3)
            {
                collector.Heading(level, line.TrimStart('#').Trim());
            }
            else if (level == 1)
            {
                // A '# Title' line repeats the front matter title; it is not a section.
                continue;
            }
            else
            {
                collector.Line(line);
            }
        }

        return new KnowledgeDocumentContent(document, collector.Complete()) { Preamble = collector.Preamble };
    }

    private static int HeadingLevel(string line)
    {
        var hashes = 0;
        while (hashes < line.Length && line[hashes] == '#')
        {
            hashes++;
        }

        return hashes is >= 1 and <= 6 && hashes < line.Length && line[hashes] == ' ' ? hashes : 0;
    }
}
