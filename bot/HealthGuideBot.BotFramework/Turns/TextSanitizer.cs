using System.Globalization;
using System.Text;

namespace HealthGuideBot.BotFramework.Turns;

/// <summary>
/// Removes invisible characters from user text before it is stored, logged, searched or shown to a model
/// (security.md 33; OWASP LLM01): the Unicode tag block, zero-width characters, variation selectors, bidirectional
/// overrides and control characters other than tab and line breaks.
/// </summary>
public static class TextSanitizer
{
    /// <summary>The text without invisible characters; the same instance when there were none.</summary>
    public static string RemoveInvisible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = IndexOfInvisible(text);
        if (index < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, index);
        for (var i = index; i < text.Length; i++)
        {
            var codePoint = ReadCodePoint(text, i, out var length);
            if (!IsInvisible(codePoint))
            {
                builder.Append(text, i, length);
            }

            i += length - 1;
        }

        return builder.ToString();
    }

    private static int IndexOfInvisible(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var codePoint = ReadCodePoint(text, i, out var length);
            if (IsInvisible(codePoint))
            {
                return i;
            }

            i += length - 1;
        }

        return -1;
    }

    private static bool IsInvisible(int codePoint) => codePoint switch
    {
        '\t' or '\n' or '\r' => false,
        < 0x20 or (>= 0x7F and <= 0x9F) => true,
        0x00AD => true, // soft hyphen
        >= 0x200B and <= 0x200F => true, // zero-width space, joiners, directional marks
        >= 0x202A and <= 0x202E => true, // bidirectional embeddings and overrides
        >= 0x2060 and <= 0x2064 => true, // word joiner, invisible operators
        >= 0x2066 and <= 0x2069 => true, // bidirectional isolates
        >= 0xFE00 and <= 0xFE0F => true, // variation selectors
        0xFEFF => true, // zero-width no-break space
        >= 0xE0000 and <= 0xE007F => true, // tag block
        >= 0xE0100 and <= 0xE01EF => true, // variation selectors supplement
        _ => CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Format,
    };

    private static int ReadCodePoint(string text, int index, out int length)
    {
        if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(text[index], text[index + 1]);
        }

        length = 1;
        return text[index];
    }
}
