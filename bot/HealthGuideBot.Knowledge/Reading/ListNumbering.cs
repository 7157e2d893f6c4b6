using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HealthGuideBot.Knowledge.Reading;

/// <summary>Turns Word list paragraphs into Markdown list markers ("- " or "1. ") so emergency steps keep their numbers.</summary>
internal sealed class ListNumbering(NumberingDefinitionsPart? part)
{
    private readonly Dictionary<int, int> _counters = [];

    public void Reset() => _counters.Clear();

    public string Marker(NumberingProperties list)
    {
        var numberId = list.NumberingId?.Val?.Value ?? 0;
        var level = list.NumberingLevelReference?.Val?.Value ?? 0;
        var indent = new string(' ', level * 2);
        if (IsBullet(numberId, level))
        {
            return indent + "- ";
        }

        var next = _counters.GetValueOrDefault(numberId) + 1;
        _counters[numberId] = next;
        return $"{indent}{next}. ";
    }

    private bool IsBullet(int numberId, int level)
    {
        var numbering = part?.Numbering;
        var instance = numbering?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numberId);
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        var definition = numbering?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
        var format = definition?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level)?.NumberingFormat?.Val?.Value;

        // Without a definition, a list is numbered: losing step numbers would be worse than numbering a bullet list.
        return format == NumberFormatValues.Bullet;
    }
}
