using System.Text;
using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Knowledge.Reading;

/// <summary>
/// Collects the lines of a document into sections as headings arrive (level 1–3), keeping the heading path.
/// Text before the first heading is the document's preamble (in the sample knowledge base, the notice that the content
/// is a sample the school must approve): kept as <see cref="Preamble"/>, never a section, so it is neither searched
/// nor cited. A document with no headings at all keeps its text as one "Introduction" section, or nothing of it could
/// be answered.
/// </summary>
internal sealed class SectionCollector(string documentId)
{
    public const string IntroductionHeading = "Introduction";

    private readonly List<KnowledgeSection> _sections = [];
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
    private readonly List<(int Level, string Text)> _path = [];
    private readonly StringBuilder _text = new();
    private string? _preamble;
    private bool _preambleIsTheOnlySection;

    /// <summary>The text before the first heading when the document has headed sections; null otherwise.</summary>
    public string? Preamble => _preambleIsTheOnlySection ? null : _preamble;

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
        if (_sections.Count == 0 && _preamble is not null)
        {
            _sections.Add(new KnowledgeSection(documentId, Anchors.Unique(IntroductionHeading, _anchors), [IntroductionHeading], _preamble, 0));
            _preambleIsTheOnlySection = true;
        }

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

        if (_path.Count == 0)
        {
            _preamble = _preamble is null ? text : _preamble + "\n" + text;
            return;
        }

        IReadOnlyList<string> headings = _path.Select(entry => entry.Text).ToArray();
        var anchor = Anchors.Unique(string.Join(' ', headings), _anchors);
        _sections.Add(new KnowledgeSection(documentId, anchor, headings, text, _sections.Count));
    }
}
