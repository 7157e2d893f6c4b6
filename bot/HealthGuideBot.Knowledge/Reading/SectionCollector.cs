using System.Text;
using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Knowledge.Reading;

/// <summary>
/// Collects the lines of a document into sections as headings arrive (level 1–3), keeping the heading path.
/// Text before the first heading becomes an "Introduction" section.
/// </summary>
internal sealed class SectionCollector(string documentId)
{
    public const string IntroductionHeading = "Introduction";

    private readonly List<KnowledgeSection> _sections = [];
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
    private readonly List<(int Level, string Text)> _path = [];
    private readonly StringBuilder _text = new();

    public void Heading(int level, string text)
    {
        Flush();
        while (_path.Count > 0 && _path[^1].Level >= level)
        {
            _path.RemoveAt(_path.Count - 1);
        }

        _path.Add((level, text.Trim()));
    }

    public void Line(string line) => _text.Append(line).Append('\n');

    public IReadOnlyList<KnowledgeSection> Complete()
    {
        Flush();
        return _sections;
    }

    private void Flush()
    {
        var text = _text.ToString().Trim('\n', '\r', ' ');
        _text.Clear();
        if (text.Length == 0)
        {
            return;
        }

        IReadOnlyList<string> headings = _path.Count == 0 ? [IntroductionHeading] : _path.Select(entry => entry.Text).ToArray();
        var anchor = Anchors.Unique(string.Join(' ', headings), _anchors);
        _sections.Add(new KnowledgeSection(documentId, anchor, headings, text, _sections.Count));
    }
}
