using System.Text.Json;

namespace HealthGuideBot.Infrastructure.Answering;

/// <summary>The model's reply, checked against the schema: the answer text, the cited section numbers and its confidence.</summary>
internal sealed record ModelAnswer(string Answer, IReadOnlyList<int> Citations, double Confidence)
{
    /// <summary>Longer answers than this are not an answer to a staff question; they are refused, not trimmed.</summary>
    internal const int MaxAnswerCharacters = 2000;

    private const int MaxCitations = 20;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 4,
    };

    /// <summary>
    /// Parses <paramref name="content"/> as exactly <c>{"answer": string, "citations": [int], "confidence": number}</c>:
    /// every property present once, nothing else, citations whole numbers, confidence between 0 and 1. A single
    /// Markdown code fence around the object is tolerated. Anything else is null.
    /// </summary>
    public static ModelAnswer? Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        var json = Unfence(content.Trim());
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ModelAnswer? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? answer = null;
        List<int>? citations = null;
        double? confidence = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "answer" when answer is null && property.Value.ValueKind == JsonValueKind.String:
                    answer = property.Value.GetString();
                    break;
                case "citations" when citations is null && property.Value.ValueKind == JsonValueKind.Array:
                    citations = ReadCitations(property.Value);
                    if (citations is null)
                    {
                        return null;
                    }

                    break;
                case "confidence" when confidence is null && property.Value.ValueKind == JsonValueKind.Number:
                    confidence = property.Value.GetDouble();
                    break;
                default:
                    // An unknown field (actions, images, urls…), a repeated field or a field of the wrong type.
                    return null;
            }
        }

        if (answer is null || citations is null || confidence is not (>= 0 and <= 1) || answer.Length > MaxAnswerCharacters)
        {
            return null;
        }

        return new ModelAnswer(answer, citations, confidence.Value);
    }

    private static List<int>? ReadCitations(JsonElement array)
    {
        if (array.GetArrayLength() > MaxCitations)
        {
            return null;
        }

        var citations = new List<int>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var number))
            {
                return null;
            }

            citations.Add(number);
        }

        return citations;
    }

    private static string Unfence(string content)
    {
        const string fence = "```";
        if (!content.StartsWith(fence, StringComparison.Ordinal) || !content.EndsWith(fence, StringComparison.Ordinal) || content.Length < 2 * fence.Length)
        {
            return content;
        }

        var inner = content[fence.Length..^fence.Length];
        var newline = inner.IndexOf('\n', StringComparison.Ordinal);
        var language = newline < 0 ? string.Empty : inner[..newline].Trim();
        return language.Length == 0 || language.Equals("json", StringComparison.OrdinalIgnoreCase)
            ? (newline < 0 ? inner : inner[(newline + 1)..]).Trim()
            : content;
    }
}
